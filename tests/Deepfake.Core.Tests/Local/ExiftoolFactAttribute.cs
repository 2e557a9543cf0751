using System.IO;

namespace Deepfake.Tests.Local;

/// <summary>
/// A fact that needs ExifTool (Debian: libimage-exiftool-perl) on PATH, and is skipped with the reason when it is
/// missing, so that machines without it say so instead of passing silently.
/// </summary>
public sealed class ExiftoolFactAttribute : FactAttribute
{
    public ExiftoolFactAttribute()
    {
        if (Exiftool.Path is null)
        {
            Skip = "exiftool is not installed (apt-get install -y libimage-exiftool-perl); the independent cross-check of the samples did not run.";
        }
    }
}

/// <summary>Finds and runs ExifTool.</summary>
internal static class Exiftool
{
    public static readonly string? Path = Find();

    public static System.Text.Json.JsonElement[] ReadJson(params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Path!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-j");
        start.ArgumentList.Add("-G1");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "exiftool did not finish within a minute");
        Assert.True(output.Length > 0, "exiftool wrote nothing: " + errors.Result);
        using var document = System.Text.Json.JsonDocument.Parse(output);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    private static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "exiftool", "exiftool.exe" })
            {
                var candidate = System.IO.Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
