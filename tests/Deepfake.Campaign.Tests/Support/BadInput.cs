using Deepfake.Sandbox;

namespace Deepfake.Campaign.Tests.Support;

/// <summary>One bad (or odd but good) input of the campaign: how to make it and what its one outcome must be.</summary>
public sealed class BadInput
{
    public static readonly string[] Names =
    [
        "empty", "text-as-jpg", "png-as-jpg", "truncated-jpeg", "50mb", "directory", "missing", "unreadable",
        "space-name", "bracket-name", "wildcard-name", "non-ascii-name", "link-loop", "file-url", "ftp-url",
        "redirect-loop", "stream-forever",
    ];

    private BadInput(string name, string argument, params string[] codes)
    {
        Name = name;
        Argument = argument;
        Codes = codes;
    }

    public string Name { get; }

    /// <summary>What goes on the command line.</summary>
    public string Argument { get; }

    /// <summary>No error code expected: checked fine, because content decides and odd names are only names.</summary>
    public bool IsGood => Codes.Length == 0;

    /// <summary>The acceptable error codes; the status must be the one the core's vocabulary gives that code.</summary>
    private string[] Codes { get; }

    public static BadInput Create(string name, Workspace workspace, SandboxServer sandbox, bool isRoot)
    {
        var dir = Path.Combine(workspace.Images, "bad");
        Directory.CreateDirectory(dir);
        string P(string file) => Path.Combine(dir, file);
        switch (name)
        {
            case "empty":
                return Failed(name, workspace.Write("bad/empty.jpg", []), "EmptyImage");
            case "text-as-jpg":
                return Failed(name, workspace.Write("bad/notes.jpg", "These are meeting notes, not a photo.\n"u8.ToArray()), "UnsupportedMediaType");
            case "png-as-jpg":
                return Good(name, workspace.PngPhoto("bad/really-a-png.jpg"));
            case "truncated-jpeg":
            {
                var whole = File.ReadAllBytes(workspace.Photo("bad/whole.jpg"));
                File.Delete(P("whole.jpg"));
                return Failed(name, workspace.Write("bad/truncated.jpg", whole[..(whole.Length / 2)]), "InvalidImage");
            }

            case "50mb":
            {
                // A real JPEG head followed by a sparse hole: 50 MB on the directory listing, almost nothing on disk.
                var path = workspace.Photo("bad/huge.jpg");
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
                {
                    stream.SetLength(50L * 1024 * 1024);
                }

                return Failed(name, path, "ImageTooLarge");
            }

            case "directory":
                Directory.CreateDirectory(P("folder.jpg"));
                return Failed(name, P("folder.jpg"), "InvalidInput");
            case "missing":
                return Failed(name, P("no-such-photo.jpg"), "FileNotFound");
            case "unreadable":
            {
                var path = workspace.Photo("bad/locked.jpg");
                if (OperatingSystem.IsWindows())
                {
                    return Good(name, path); // the campaign runs on Linux; mode bits mean nothing here
                }

                File.SetUnixFileMode(path, UnixFileMode.None);

                // root reads any file whatever its mode, so there the honest expectation is a normal check.
                return isRoot ? Good(name, path) : Failed(name, path, "AccessDenied");
            }

            case "space-name":
                return Good(name, workspace.Photo("bad/with some spaces.jpg"));
            case "bracket-name":
                return Good(name, workspace.Photo("bad/photo [1] (copy) {x}.jpg"));
            case "wildcard-name":
                return Good(name, workspace.Photo("bad/star*and?mark.jpg"));
            case "non-ascii-name":
                return Good(name, workspace.Photo("bad/Åsa Øberg – фото 写真.jpg"));
            case "link-loop":
            {
                var path = P("loop.jpg");
                File.CreateSymbolicLink(path, path);
                return new BadInput(name, path, "InvalidInput", "FileNotFound");
            }

            case "file-url":
                return Failed(name, new Uri(workspace.Photo("bad/by-file-url.jpg")).AbsoluteUri, "InvalidInput");
            case "ftp-url":
                return Failed(name, "ftp://127.0.0.1/photos/face.jpg", "InvalidInput");
            case "redirect-loop":
                return Failed(name, new Uri(sandbox.BaseAddress, "_sandbox/redirect-loop").AbsoluteUri, "InvalidInput");
            case "stream-forever":
                // Flat out: the client must stop at its size limit (or its download timeout), not buffer forever.
                return new BadInput(name, new Uri(sandbox.BaseAddress, "_sandbox/stream-forever?delayms=0").AbsoluteUri, "ImageTooLarge", "Timeout");
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown campaign input.");
        }
    }

    public void AssertOutcome(Outcome outcome)
    {
        var description = $"{Name}: {outcome.Status} {outcome.ErrorCode} after {outcome.Attempts} attempts: {outcome.Message}";
        if (IsGood)
        {
            Assert.True(outcome.Status == "genuine" && outcome.ErrorCode is null, "Expected a normal check. " + description);
            return;
        }

        Assert.True(Codes.Contains(outcome.ErrorCode), $"Expected {string.Join(" or ", Codes)}. " + description);
        var status = Enum.Parse<DeepfakeErrorCode>(outcome.ErrorCode!).ToStatus().ToString().ToLowerInvariant();
        Assert.True(outcome.Status == status, $"Expected status {status} for {outcome.ErrorCode}. " + description);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Message), "No message. " + description);

        // A clear error names the input it is about (by its file name, or the URL: its query values hidden, as signed URLs carry tokens there).
        var named = Argument.Contains("://", StringComparison.Ordinal) ? Argument.Split('?')[0] : Path.GetFileName(Argument);
        Assert.True(outcome.Message!.Contains(named, StringComparison.Ordinal) || outcome.Message.Contains(Uri.UnescapeDataString(named), StringComparison.Ordinal),
            "The message does not name the input. " + description);
    }

    private static BadInput Failed(string name, string argument, string code) => new(name, argument, code);

    private static BadInput Good(string name, string argument) => new(name, argument);
}
