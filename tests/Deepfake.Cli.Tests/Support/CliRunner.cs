using System.Diagnostics;
using System.IO;
using System.Text;

namespace Deepfake.Tests.Support
{
    /// <summary>
    /// Starts the BUILT <c>deepfake</c> (the CLI project's <c>deepfake.dll</c>, copied beside the tests by the project
    /// reference) as a real process with <c>dotnet deepfake.dll</c>, or a given executable (the published native one)
    /// directly, with <see cref="Starting"/>. Every process gets its own DEEPFAKE_CONFIG_DIR,
    /// HOME and XDG_CONFIG_HOME, and none of the caller's DEEPFAKE_* variables, so no test touches the user profile.
    /// </summary>
    public sealed class CliRunner
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

        private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);

        public CliRunner(string configDirectory)
        {
            ConfigDirectory = configDirectory;
            Directory.CreateDirectory(configDirectory);
        }

        public string ConfigDirectory { get; }

        /// <summary>The executable started directly, or null for the JIT build started as <c>dotnet deepfake.dll</c>.</summary>
        public string? Executable { get; private init; }

        public string? WorkingDirectory { get; set; }

        public static string DllPath => Path.Combine(AppContext.BaseDirectory, "deepfake.dll");

        public CliRunner With(string name, string? value)
        {
            _environment[name] = value;
            return this;
        }

        /// <summary>
        /// A runner that starts <paramref name="executable"/> directly, with this one's configuration directory, working
        /// directory and environment as they are now: the same command line, run by another build.
        /// </summary>
        public CliRunner Starting(string executable)
        {
            var twin = new CliRunner(ConfigDirectory) { Executable = executable, WorkingDirectory = WorkingDirectory };
            foreach (var (name, value) in _environment) twin._environment[name] = value;
            return twin;
        }

        public Task<CliRun> RunAsync(params string[] args) => RunAsync(args, stdin: null);

        public async Task<CliRun> RunAsync(IEnumerable<string> args, string? stdin, TimeSpan? timeout = null)
        {
            using var process = Start(args);
            if (stdin != null)
            {
                await process.StandardInput.WriteAsync(stdin);
            }

            process.StandardInput.Close();
            return await FinishAsync(process, timeout ?? DefaultTimeout);
        }

        /// <summary>Starts the process and returns it running, for tests that signal it.</summary>
        public Process Start(IEnumerable<string> args) => StartProgram(CommandLine(args));

        /// <summary>
        /// Runs <c>deepfake</c> with <paramref name="args"/> under a pseudo-terminal (util-linux <c>script</c>), with
        /// stdout redirected to <paramref name="stdoutFile"/> when given: stderr (and stdout when not redirected) is
        /// then a terminal. Returns what the terminal showed.
        /// </summary>
        public async Task<CliRun> RunOnTerminalAsync(IEnumerable<string> args, string? stdoutFile = null)
        {
            var (fileName, arguments) = CommandLine(args);
            var command = string.Join(" ", new[] { fileName }.Concat(arguments).Select(Quote));
            if (stdoutFile != null) command += " > " + Quote(stdoutFile);
            using var process = StartProgram(("script", new[] { "-qec", command, "/dev/null" }));
            process.StandardInput.Close();
            var run = await FinishAsync(process, DefaultTimeout);
            return run;
        }

        private static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";

        private (string FileName, IEnumerable<string> Args) CommandLine(IEnumerable<string> args) =>
            Executable != null ? (Executable, args) : (DotnetHost(), new[] { DllPath }.Concat(args));

        private Process StartProgram((string FileName, IEnumerable<string> Args) commandLine)
        {
            var (fileName, args) = commandLine;
            var info = new ProcessStartInfo(fileName)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = new UTF8Encoding(false),
                StandardErrorEncoding = new UTF8Encoding(false),
                WorkingDirectory = WorkingDirectory ?? ConfigDirectory,
            };
            foreach (var arg in args) info.ArgumentList.Add(arg);
            foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("DEEPFAKE_", StringComparison.Ordinal)).ToList())
            {
                info.Environment.Remove(name);
            }

            info.Environment["DEEPFAKE_CONFIG_DIR"] = ConfigDirectory;
            info.Environment["HOME"] = ConfigDirectory;
            info.Environment["XDG_CONFIG_HOME"] = Path.Combine(ConfigDirectory, "xdg");
            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            foreach (var (name, value) in _environment) info.Environment[name] = value;
            return Process.Start(info) ?? throw new InvalidOperationException("Could not start " + fileName);
        }

        public static async Task<CliRun> FinishAsync(Process process, TimeSpan timeout)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("deepfake did not finish within " + timeout + ".\n" + await stderr);
            }

            return new CliRun(process.ExitCode, await stdout, await stderr);
        }

        private static string DotnetHost()
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
            var main = Process.GetCurrentProcess().MainModule?.FileName;
            if (main != null && Path.GetFileNameWithoutExtension(main) == "dotnet") return main;
            return "dotnet";
        }
    }
}
