using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Deepfake.Local.Containers;
using Deepfake.Local.Provenance;
using Deepfake.Providers;

namespace Deepfake.Local
{
    /// <summary>
    /// The offline provider: reads what a JPEG, PNG or WebP file declares about its own origin (C2PA manifests,
    /// IPTC digital source type and AI properties in XMP, generator fingerprints in PNG text and EXIF). Free, no
    /// account, no network; it reads metadata only and never decodes pixels. Immutable and thread-safe.
    /// </summary>
    public sealed class LocalProvider : IDeepfakeProvider
    {
        private const string ProviderName = "Local";

        public LocalProvider(LocalOptions? options = null)
        {
            Options = options ?? LocalOptions.Default;
        }

        public LocalOptions Options { get; }

        public ProviderInfo Info { get; } = new ProviderInfo
        {
            Kind = ProviderKind.Local,
            RequiresCredential = false,
            ReturnsEvidence = true,
            AcceptsUrl = false,
            Formats = "JPEG, PNG, WebP",
        };

        public Task<DeepfakeResult> CheckAsync(DeepfakeInput input, CheckOptions options, CancellationToken cancellationToken = default)
        {
            if (input is null) throw new ArgumentNullException(nameof(input));
            cancellationToken.ThrowIfCancellationRequested();
            if (input.Kind == InputKind.Url)
            {
                throw Error(input, DeepfakeErrorCode.InvalidInput,
                    "'" + input.Source + "' is a URL; the Local provider reads local files only. Download the image and check the file, or use a vendor provider (Ooto, Verihubs) that fetches URLs.");
            }

            return Task.Run(() => Check(input, cancellationToken), cancellationToken);
        }

        public void Dispose()
        {
            // Holds nothing: every check opens and closes its own file.
        }

        internal DeepfakeResult Check(DeepfakeInput input, CancellationToken cancellationToken)
        {
            var stopwatch = Stopwatch.StartNew();
            using var stream = Open(input);
            MetadataBlocks blocks;
            try
            {
                blocks = Scan(stream, cancellationToken);
                if (blocks.MissingEndOfImage && !DeclaredTrailerExplainsEnd(stream, blocks))
                {
                    throw ImageProblem.Truncated("has no JPEG end-of-image marker");
                }
            }
            catch (ImageProblem problem)
            {
                var error = new DeepfakeException(problem.Code, "'" + input.Source + "' " + problem.Message)
                {
                    Provider = ProviderName,
                    InputSource = input.Source,
                    Elapsed = stopwatch.Elapsed,
                };
                return DeepfakeResult.FromError(input.Source, ProviderName, error);
            }
            catch (IOException e)
            {
                throw Error(input, DeepfakeErrorCode.AccessDenied, "'" + input.Source + "' could not be read: " + e.Message, e);
            }

            var findings = new List<Finding>();
            foreach (var store in blocks.ManifestStores)
            {
                findings.AddRange(C2paReader.Read(store, Options));
            }

            foreach (var problem in blocks.ManifestProblems)
            {
                findings.Add(C2paReader.Malformed("JPEG APP11 (JUMBF)", problem));
            }

            foreach (var packet in blocks.Xmp)
            {
                findings.AddRange(XmpProvenance.Read(packet, blocks.Skipped));
            }

            foreach (var tiff in blocks.Exif)
            {
                findings.AddRange(ExifProvenance.Read(tiff, blocks.Skipped));
            }

            findings.AddRange(GeneratorFingerprints.Read(blocks.Text));

            var (status, isDeepfake, message) = ProvenanceVerdict.Decide(findings, blocks.Skipped);
            return new DeepfakeResult
            {
                Source = input.Source,
                Provider = ProviderName,
                Status = status,
                IsDeepfake = isDeepfake,
                Message = message,
                Evidence = ReadableList<Evidence>.From(findings.Select(f => f.Evidence)),
                Elapsed = stopwatch.Elapsed,
            };
        }

        private MetadataBlocks Scan(FileStream stream, CancellationToken cancellationToken)
        {
            var head = new byte[12];
            var read = FormatSniffer.ReadHead(stream, head);
            if (read == 0)
            {
                throw new ImageProblem(DeepfakeErrorCode.EmptyImage, "is empty (0 bytes). Check that the file was copied completely.");
            }

            var format = FormatSniffer.Sniff(head, read);
            var blocks = new MetadataBlocks(format);
            switch (format)
            {
                case ImageFormat.Jpeg:
                    JpegScanner.Scan(stream, Options, blocks, cancellationToken);
                    break;
                case ImageFormat.Png:
                    PngScanner.Scan(stream, Options, blocks, cancellationToken);
                    break;
                case ImageFormat.WebP:
                    WebPScanner.Scan(stream, Options, blocks, cancellationToken);
                    break;
                default:
                    throw new ImageProblem(
                        DeepfakeErrorCode.UnsupportedMediaType,
                        "is not a JPEG, PNG or WebP image (it starts with " + FormatSniffer.Describe(head, read) + "); the Local provider reads only those formats, judged by content, not by name.");
            }

            return blocks;
        }

        /// <summary>Whether the XMP declares data after EOI (a motion photo's video) and EOI sits right before it.</summary>
        private static bool DeclaredTrailerExplainsEnd(FileStream stream, MetadataBlocks blocks)
        {
            const int slack = 64;
            var length = stream.Length;
            return MotionPhotoTrailer.DeclaredLengths(blocks.Xmp)
                .Any(trailer => trailer < length - blocks.ImageDataOffset
                    && JpegScanner.HasEndOfImageBefore(stream, blocks.ImageDataOffset, length - trailer, slack));
        }

        private static FileStream Open(DeepfakeInput input)
        {
            var path = input.Source;
            try
            {
                if (Directory.Exists(path))
                {
                    throw Error(input, DeepfakeErrorCode.InvalidInput, "'" + path + "' is a directory, not an image file. Pass the files in it (for example with Get-ChildItem -File).");
                }

                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.None);
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                throw Error(input, DeepfakeErrorCode.FileNotFound, "'" + path + "' does not exist. Check the path.", e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw Error(input, DeepfakeErrorCode.AccessDenied, "'" + path + "' cannot be read: access is denied. Check the file's permissions.", e);
            }
            catch (Exception e) when (e is IOException || e is ArgumentException || e is NotSupportedException)
            {
                throw Error(input, DeepfakeErrorCode.AccessDenied, "'" + path + "' cannot be opened: " + e.Message, e);
            }
        }

        private static DeepfakeException Error(DeepfakeInput input, DeepfakeErrorCode code, string message, Exception? inner = null) =>
            new DeepfakeException(code, message, inner) { Provider = ProviderName, InputSource = input.Source };
    }
}
