using System.Text;

namespace Deepfake.Campaign.Tests.Support;

/// <summary>
/// The credentials every campaign process gets from the environment. The sandbox accepts any non-empty pair, so
/// these are made-up keys, distinctive enough that finding one in any output or file is a leak and nothing else.
/// </summary>
public static class Secrets
{
    public const string OotoAppId = "campaign-ooto-app";
    public const string OotoAppKey = "ooto-key-7c41d9e0b2a6f3";
    public const string VerihubsAppId = "campaign-verihubs-app";
    public const string VerihubsApiKey = "verihubs-key-e58a1f07c39d24";

    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["DEEPFAKE_OOTO_APP_ID"] = OotoAppId,
        ["DEEPFAKE_OOTO_APP_KEY"] = OotoAppKey,
        ["DEEPFAKE_VERIHUBS_APP_ID"] = VerihubsAppId,
        ["DEEPFAKE_VERIHUBS_API_KEY"] = VerihubsApiKey,
    };

    private static readonly string[] Keys = [OotoAppKey, VerihubsApiKey];

    public static void AssertAbsent(string text, string where)
    {
        foreach (var key in Keys)
        {
            Assert.False(text.Contains(key, StringComparison.Ordinal), "A key appeared in " + where + ".");
        }
    }

    /// <summary>Every file under <paramref name="root"/> (outputs, config dir, anything the tools wrote), read as bytes.</summary>
    public static int AssertAbsentFromFiles(string root)
    {
        var scanned = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            var info = new FileInfo(file);
            if (info.Length > 64L * 1024 * 1024 || (info.UnixFileMode & UnixFileMode.UserRead) == 0)
            {
                continue; // the generated 50 MB image and the deliberately unreadable file are inputs, not outputs
            }

            AssertAbsent(Encoding.Latin1.GetString(File.ReadAllBytes(file)), file);
            scanned++;
        }

        return scanned;
    }
}
