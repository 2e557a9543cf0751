using System.Net;
using System.Net.Http;
using System.Text.Json;

namespace Deepfake.Sandbox.Tests.Support;

internal sealed record Reply(HttpStatusCode Status, string Body, HttpResponseMessage Message)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public bool IsJson
    {
        get
        {
            try
            {
                using var _ = JsonDocument.Parse(Body);
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}
