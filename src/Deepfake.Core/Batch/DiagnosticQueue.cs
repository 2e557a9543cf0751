using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Deepfake.Diagnostics;

namespace Deepfake.Batch
{
    /// <summary>
    /// Carries diagnostics from worker threads to the one thread that may write them. Give <see cref="Handler"/>
    /// to the provider and the queue to <see cref="BatchOptions.Diagnostics"/>; <see cref="BatchPump"/> drains it.
    /// Unbounded: messages arrive at the pace of requests and are drained as often as outcomes are, so they are
    /// bounded by the batch's pending inputs. Construct it with <see cref="DiagnosticLevel.Verbose"/> to drop Debug
    /// messages at the source when nobody will show them.
    /// </summary>
    public sealed class DiagnosticQueue
    {
        private readonly Channel<Message> _messages =
            Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

        private readonly DiagnosticLevel _mostDetailed;

        public DiagnosticQueue(DiagnosticLevel mostDetailed = DiagnosticLevel.Debug)
        {
            _mostDetailed = mostDetailed;
            Handler = Write;
        }

        /// <summary>Safe to call from any thread.</summary>
        public DiagnosticHandler Handler { get; }

        public void Write(DiagnosticLevel level, string message)
        {
            if (level > _mostDetailed || message is null)
            {
                return;
            }

            _messages.Writer.TryWrite(new Message(level, message));
        }

        /// <summary>Takes the oldest message, without waiting.</summary>
        public bool TryRead(out DiagnosticLevel level, out string message)
        {
            if (_messages.Reader.TryRead(out var next))
            {
                level = next.Level;
                message = next.Text;
                return true;
            }

            level = default;
            message = string.Empty;
            return false;
        }

        internal Task<bool> WaitToReadAsync(CancellationToken cancellationToken) =>
            _messages.Reader.WaitToReadAsync(cancellationToken).AsTask();

        private readonly struct Message
        {
            public Message(DiagnosticLevel level, string text)
            {
                Level = level;
                Text = text;
            }

            public DiagnosticLevel Level { get; }

            public string Text { get; }
        }
    }
}
