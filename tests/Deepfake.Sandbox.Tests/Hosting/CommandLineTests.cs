using System.Diagnostics;
using System.IO;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Deepfake.Sandbox.Tests.Support;

namespace Deepfake.Sandbox.Tests.Hosting;

/// <summary>Runs the real executable (<c>dotnet Deepfake.Sandbox.dll ...</c>) and talks to it over loopback.</summary>
public sealed partial class CommandLineTests : IAsyncLifetime
{
    private const string OotoKey = "cli-ooto-secret-5e9d";
    private const string VerihubsKey = "cli-vh-secret-0b7c";
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Net.Http.HttpClient _http = VendorCalls.NewClient();
    private Process? _process;

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Deepfake.Sandbox.dll"), "--urls", "http://127.0.0.1:0",
            "--ooto-app-id", "cli-ooto", "--ooto-app-key", OotoKey, "--verihubs-app-id", "cli-vh", "--verihubs-api-key", VerihubsKey,
            "--verihubs-quota", "2", "--latency-ms", "1", "--fault-rate", "0", "--seed", "5", "--images", AppContext.BaseDirectory + "Fixtures",
        })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var baseAddress = await _listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Base = baseAddress;
    }

    private Uri Base { get; set; } = null!;

    [Fact]
    public async Task Switches_pin_credentials_set_quota_and_serve_images()
    {
        var image = Convert.ToBase64String(TestImages.Jpeg);
        var wrong = await Post("v1/face/deepfake", VendorCalls.Payload(image), ("App-ID", "cli-vh"), ("API-Key", "nope"));
        var first = await Post("v1/face/deepfake", VendorCalls.Payload(image), ("App-ID", "cli-vh"), ("API-Key", VerihubsKey));
        var byUrl = await Post("v1/face/deepfake", VendorCalls.Payload(Base + "_sandbox/images/astronaut.png"), ("App-ID", "cli-vh"), ("API-Key", VerihubsKey));
        var third = await Post("v1/face/deepfake", VendorCalls.Payload(image), ("App-ID", "cli-vh"), ("API-Key", VerihubsKey));
        var ooto = await _http.OotoAsync(Base, TestImages.Png, "image/png", "cli-ooto", OotoKey);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong);
        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.OK, byUrl);
        Assert.Equal(HttpStatusCode.Forbidden, third);
        Assert.Equal(HttpStatusCode.OK, ooto.Status);
        var stats = await _http.GetStringAsync(new Uri(Base, "_sandbox/stats"));
        Assert.Contains("\"verihubsQuotaUsed\":2", stats);
    }

    [Fact]
    public async Task Output_never_contains_the_keys()
    {
        await Post("v1/face/deepfake", "{bad", ("App-ID", "cli-vh"), ("API-Key", VerihubsKey));
        await Post("v1/face/deepfake", "{}", ("App-ID", "cli-vh"), ("API-Key", OotoKey));

        var output = Output();
        Assert.Contains("listening on", output);
        Assert.DoesNotContain(OotoKey, output);
        Assert.DoesNotContain(VerihubsKey, output);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private async Task<HttpStatusCode> Post(string path, string json, params (string Name, string Value)[] headers)
    {
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, new Uri(Base, path))
        {
            Content = new System.Net.Http.StringContent(json, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
        }
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
