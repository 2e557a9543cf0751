using System.Text.RegularExpressions;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.NativeAot
{
    /// <summary>
    /// One command line run by the JIT build and then by the native executable, with the same arguments, stdin,
    /// environment, configuration directory and working directory, asserted to give the same exit code, stdout and
    /// stderr once <see cref="Normalise"/> has removed what differs between any two runs of the same build.
    /// </summary>
    internal sealed class BothBuilds
    {
        private static readonly Regex ElapsedJson = new(@"(""elapsedMs"":\s*)-?\d+(\.\d+)?(E[+-]?\d+)?", RegexOptions.Compiled);
        private static readonly Regex ElapsedCsv = new(@",\d+(\.\d+)?(?=\r\n)", RegexOptions.Compiled);
        private static readonly Regex Guid = new("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.Compiled);
        private static readonly Regex IsoTime = new(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", RegexOptions.Compiled);
        private static readonly Regex HttpDate = new(@"\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT", RegexOptions.Compiled);
        private static readonly Regex Duration = new(@"\bin \d+ ms\b", RegexOptions.Compiled);
        private static readonly Regex ContentLength = new(@"\bContent-Length: \d+", RegexOptions.Compiled);

        public BothBuilds(CliRunner jit, NativeAotBuild native)
        {
            Jit = jit;
            Native = jit.Starting(native.ExecutablePath);
        }

        public CliRunner Jit { get; }

        public CliRunner Native { get; }

        public Task<CliRun> RunAsync(params string[] args) => RunAsync(args, stdin: null);

        /// <summary>
        /// Runs both builds, one after the other, and asserts they agree; returns the native run for the test's own
        /// assertions. <paramref name="inAnyOrder"/>: the lines of stdout and stderr are compared as sets of lines, for
        /// outputs that are written as items finish (jsonl, per-item errors) and so in an order no run repeats.
        /// </summary>
        public async Task<CliRun> RunAsync(IEnumerable<string> args, string? stdin, bool inAnyOrder = false)
        {
            var jit = await Jit.RunAsync(args, stdin);
            var native = await Native.RunAsync(args, stdin);
            AssertSame(jit, native, inAnyOrder);
            return native;
        }

        public static void AssertSame(CliRun jit, CliRun native, bool inAnyOrder = false)
        {
            Assert.True(jit.ExitCode == native.ExitCode, "exit codes differ: JIT " + jit + "\nnative " + native);
            foreach (var key in new[] { VendorSandbox.OotoKey, VendorSandbox.VerihubsKey })
            {
                Assert.DoesNotContain(key, jit.AllOutput);
                Assert.DoesNotContain(key, native.AllOutput);
            }

            Assert.Equal(Normalise(jit.Stdout, inAnyOrder), Normalise(native.Stdout, inAnyOrder));
            Assert.Equal(Normalise(jit.Stderr, inAnyOrder), Normalise(native.Stderr, inAnyOrder));
        }

        /// <summary>
        /// Replaces, and only these, what two runs of the very same build never repeat: each item's wall-clock
        /// <c>elapsedMs</c> (JSON, and the CSV's last column) and a request's duration in --verbose (<c>in 12 ms</c>);
        /// GUIDs (the sandbox's fresh transactionId per request, the multipart boundary --verbose shows); the sandbox
        /// clock's timestamps (ISO 8601 in results, the HTTP Date header in --verbose) and so the Content-Length of its
        /// responses in --verbose, whose bodies carry that clock and a transaction id in text of varying length. With
        /// <paramref name="inAnyOrder"/> the lines are also sorted.
        /// </summary>
        public static string Normalise(string output, bool inAnyOrder = false)
        {
            var text = ElapsedJson.Replace(output, "${1}<elapsed>");
            text = ElapsedCsv.Replace(text, ",<elapsed>");
            text = Guid.Replace(text, "<guid>");
            text = IsoTime.Replace(text, "<time>");
            text = HttpDate.Replace(text, "<date>");
            text = Duration.Replace(text, "in <n> ms");
            text = ContentLength.Replace(text, "Content-Length: <n>");
            return inAnyOrder ? string.Join("\n", text.Split('\n').Order(StringComparer.Ordinal)) : text;
        }
    }
}
