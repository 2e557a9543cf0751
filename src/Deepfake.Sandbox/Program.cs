using Deepfake.Sandbox;
using Deepfake.Sandbox.Hosting;

// Command-line switches map onto SandboxOptions through configuration binding; "Sandbox__FaultRate"-style
// environment variables work too.
var switches = new Dictionary<string, string>
{
    ["--latency-ms"] = "Sandbox:LatencyMs",
    ["--fault-rate"] = "Sandbox:FaultRate",
    ["--seed"] = "Sandbox:Seed",
    ["--ooto-app-id"] = "Sandbox:OotoAppId",
    ["--ooto-app-key"] = "Sandbox:OotoAppKey",
    ["--verihubs-app-id"] = "Sandbox:VerihubsAppId",
    ["--verihubs-api-key"] = "Sandbox:VerihubsApiKey",
    ["--verihubs-quota"] = "Sandbox:VerihubsQuota",
    ["--verihubs-max-bytes"] = "Sandbox:VerihubsMaxBytes",
    ["--images"] = "Sandbox:ImageDirectory",
    ["--url-timeout-ms"] = "Sandbox:UrlTimeoutMs",
};

var builder = WebApplication.CreateSlimBuilder(args);
builder.Configuration.AddCommandLine(args, switches);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

var section = builder.Configuration.GetSection("Sandbox");
var options = new SandboxOptions();
section.Bind(options);
if (section.GetValue<int?>("LatencyMs") is { } latencyMs)
{
    options.Latency = TimeSpan.FromMilliseconds(latencyMs);
}

if (section.GetValue<int?>("UrlTimeoutMs") is { } urlTimeoutMs)
{
    options.UrlFetchTimeout = TimeSpan.FromMilliseconds(urlTimeoutMs);
}

if (options.FaultRate is < 0 or > 1)
{
    Console.Error.WriteLine("--fault-rate must be between 0 and 1.");
    return 2;
}

if (options.ImageDirectory is { } images && !Directory.Exists(images))
{
    Console.Error.WriteLine($"--images: directory '{images}' does not exist.");
    return 2;
}

var app = SandboxApp.Build(builder, options, new SandboxStats());
app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"Deepfake sandbox listening on {string.Join(", ", app.Urls)} (OOTO {SandboxRoutes.OotoPath}, Verihubs {SandboxRoutes.VerihubsPath}); Ctrl+C stops."));
await app.RunAsync();
return 0;
