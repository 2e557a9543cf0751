using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Deepfake.Campaign.Tests.Support;

/// <summary>
/// Runs the BUILT <c>deepfake</c> (the CLI's <c>deepfake.dll</c>, copied beside the tests by the project reference)
/// as a real process, with its own DEEPFAKE_CONFIG_DIR, HOME and XDG_CONFIG_HOME, none of the caller's DEEPFAKE_*
/// variables, and the campaign's credentials in the environment.
/// </summary>
public static class DeepfakeProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan RssSampleInterval = TimeSpan.FromMilliseconds(25);

    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "deepfake.dll");

    public static async Task<DeepfakeRun> RunAsync(string configDirectory, IEnumerable<string> args, TimeSpan? timeout = null)
    {
        Directory.CreateDirectory(configDirectory);
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            WorkingDirectory = configDirectory,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("DEEPFAKE_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["DEEPFAKE_CONFIG_DIR"] = configDirectory;
        info.Environment["HOME"] = configDirectory;
        info.Environment["XDG_CONFIG_HOME"] = Path.Combine(configDirectory, "xdg");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in Secrets.Environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + DllPath);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var exited = process.WaitForExitAsync(cts.Token);
        var peakKb = 0L;
        try
        {
            // Sample the kernel's high-water mark while the process lives: it is gone from /proc once it exits.
            while (!exited.IsCompleted)
            {
                peakKb = Math.Max(peakKb, ReadVmHwmKb(process.Id));
                await Task.WhenAny(exited, Task.Delay(RssSampleInterval));
            }

            await exited;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"deepfake did not finish within {timeout ?? DefaultTimeout}.\n" + DeepfakeRun.Tail(await stderr));
        }

        return new DeepfakeRun(process.ExitCode, await stdout, await stderr, peakKb / 1024.0);
    }

    private static long ReadVmHwmKb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process exited between the check and the read.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var main = Process.GetCurrentProcess().MainModule?.FileName;
        return main != null && Path.GetFileNameWithoutExtension(main) == "dotnet" ? main : "dotnet";
    }
}
