using System;
using System.Threading;
using System.Threading.Tasks;

namespace Deepfake.Providers
{
    /// <summary>
    /// A deepfake detector. Implementations are immutable and thread-safe: one instance serves a whole batch
    /// concurrently.
    /// </summary>
    public interface IDeepfakeProvider : IDisposable
    {
        ProviderInfo Info { get; }

        /// <summary>
        /// Checks one input. Returns a result for every verdict and for every image the provider refused
        /// (<see cref="DeepfakeStatus.Rejected"/>, with the face and quality details the provider still sent).
        /// Throws <see cref="DeepfakeException"/> when the input could not be checked at all
        /// (<see cref="DeepfakeStatus.Failed"/> codes), and <see cref="OperationCanceledException"/> only when
        /// <paramref name="cancellationToken"/> was cancelled.
        /// </summary>
        Task<DeepfakeResult> CheckAsync(DeepfakeInput input, CheckOptions options, CancellationToken cancellationToken = default);
    }
}
