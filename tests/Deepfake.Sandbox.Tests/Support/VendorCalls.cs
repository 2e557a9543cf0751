using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Deepfake.Sandbox.Tests.Support;

/// <summary>Real HTTP calls to a sandbox, shaped as each vendor page shows them.</summary>
internal static class VendorCalls
{
    public const string AppId = "test-app";
    public const string AppKey = "test-key-4f1b";

    public static HttpClient NewClient(bool followRedirects = true) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = followRedirects, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };

    public static Task<Reply> OotoAsync(this HttpClient http, SandboxServer server, byte[]? photo, string contentType = "image/jpeg",
        string? appId = AppId, string? appKey = AppKey, string field = "photo") =>
        http.OotoAsync(server.BaseAddress, photo, contentType, appId, appKey, field);

    public static Task<Reply> OotoAsync(this HttpClient http, Uri baseAddress, byte[]? photo, string contentType = "image/jpeg",
        string? appId = AppId, string? appKey = AppKey, string field = "photo")
    {
        var form = new MultipartFormDataContent();
        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            form.Add(file, field, "photo.jpg");
        }

        return http.SendAsync(new Uri(baseAddress, "api/v1.0/deepfake"), form, "APP-ID", appId, "APP-KEY", appKey);
    }

    public static Task<Reply> VerihubsAsync(this HttpClient http, SandboxServer server, string body, string? appId = AppId, string? apiKey = AppKey) =>
        http.SendAsync(server.VerihubsEndpoint, new StringContent(body, Encoding.UTF8, "application/json"), "App-ID", appId, "API-Key", apiKey);

    public static Task<Reply> VerihubsAsync(this HttpClient http, SandboxServer server, byte[] image,
        bool isQuality = false, bool isAttribute = false, bool validateQuality = false, bool validateAttribute = false) =>
        http.VerihubsAsync(server, Payload(Convert.ToBase64String(image), isQuality, isAttribute, validateQuality, validateAttribute));

    public static string Payload(string image, bool isQuality = false, bool isAttribute = false, bool validateQuality = false, bool validateAttribute = false) =>
        new JsonObject
        {
            ["image"] = image,
            ["is_quality"] = isQuality,
            ["is_attribute"] = isAttribute,
            ["validate_quality"] = validateQuality,
            ["validate_attribute"] = validateAttribute,
        }.ToJsonString();

    public static async Task<Reply> GetReplyAsync(this HttpClient http, Uri uri)
    {
        var response = await http.GetAsync(uri);
        return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private static async Task<Reply> SendAsync(this HttpClient http, Uri uri, HttpContent content,
        string idHeader, string? id, string keyHeader, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        if (id is not null)
        {
            request.Headers.TryAddWithoutValidation(idHeader, id);
        }

        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(keyHeader, key);
        }

        var response = await http.SendAsync(request);
        return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    /// <summary>The body with the per-call fields (ids, timestamps) removed, for determinism checks.</summary>
    public static string WithoutVolatileFields(string body)
    {
        var node = JsonNode.Parse(body)!.AsObject();
        node.Remove("transactionId");
        node.Remove("session_id");
        node.Remove("timestamp");
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
