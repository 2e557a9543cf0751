using System;
using System.IO;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Deepfake.Cli
{
    /// <summary>
    /// The process's standard streams and whether each is attached to a terminal: the one place the CLI asks,
    /// so the default format, progress and prompts all follow the same rules.
    /// </summary>
    internal sealed class Terminal
    {
        private Terminal(TextWriter output, TextWriter error)
        {
            Out = output;
            Error = error;
        }

        /// <summary>Results only. Buffered: writers flush when a line or the report is complete.</summary>
        public TextWriter Out { get; }

        /// <summary>Progress, diagnostics, warnings and errors.</summary>
        public TextWriter Error { get; }

        public bool OutIsTerminal => !Console.IsOutputRedirected;

        public bool ErrorIsTerminal => !Console.IsErrorRedirected;

        public bool InIsTerminal => !Console.IsInputRedirected;

        public static Terminal FromProcess()
        {
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            var output = new StreamWriter(OpenStandardOutput(), utf8) { AutoFlush = false, NewLine = "\n" };
            var error = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true, NewLine = "\n" };
            return new Terminal(output, error);
        }

        /// <summary>
        /// A redirected stdout on Unix is written as a plain file stream, which reports a closed pipe (EPIPE) as an
        /// <see cref="IOException"/>: the console stream pretends such writes succeeded, and a run would go on
        /// checking (and paying for) images whose results nobody reads. See <see cref="BrokenPipe"/>.
        /// </summary>
        private static Stream OpenStandardOutput()
        {
            if (OperatingSystem.IsWindows() || !Console.IsOutputRedirected)
            {
                return Console.OpenStandardOutput();
            }

            return new FileStream(new SafeFileHandle((IntPtr)1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        }

        /// <summary>Reads one line from stdin (a piped key), without the line break; null at end of input.</summary>
        public string? ReadLine() => Console.In.ReadLine();

        /// <summary>Prompts on stderr and reads a line from the terminal without echoing it.</summary>
        public string ReadSecret(string prompt)
        {
            Error.Write(prompt);
            var secret = new StringBuilder();
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                if (key.Key == ConsoleKey.Enter)
                {
                    break;
                }

                if (key.Key == ConsoleKey.Backspace)
                {
                    if (secret.Length > 0) secret.Length--;
                    continue;
                }

                if (!char.IsControl(key.KeyChar))
                {
                    secret.Append(key.KeyChar);
                }
            }

            Error.WriteLine();
            return secret.ToString();
        }
    }
}
