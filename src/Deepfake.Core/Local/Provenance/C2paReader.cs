using System;
using System.Collections.Generic;
using System.Linq;
using Deepfake.Local.Cbor;
using Deepfake.Local.Containers;
using Deepfake.Local.Jumbf;

namespace Deepfake.Local.Provenance
{
    /// <summary>
    /// Reads a C2PA manifest store (a JUMBF superbox of content type <c>c2pa</c>): for each manifest, the claim
    /// generator from the claim (<c>c2pa.claim</c>, <c>c2pa.claim.v2</c>) and every action with its digitalSourceType
    /// from the actions assertions (<c>c2pa.actions</c>, <c>c2pa.actions.v2</c>). The last manifest is the active one;
    /// the others describe ingredients. Signatures are not verified, and the evidence says so.
    /// </summary>
    internal static class C2paReader
    {
        public const string NotVerified = "signature not verified";

        public static IEnumerable<Finding> Read(MetadataBlock store, LocalOptions options)
        {
            List<JumbfBox> boxes;
            try
            {
                boxes = JumbfParser.Parse(store.Bytes, options.MaxBoxDepth);
            }
            catch (FormatException e)
            {
                return new[] { Malformed(store.Location, e.Message) };
            }

            var root = boxes.FirstOrDefault(b => b.IsSuperbox && b.ContentType == "c2pa");
            if (root is null)
            {
                return Array.Empty<Finding>();
            }

            var manifests = root.Children.Where(b => b.IsSuperbox && (b.ContentType == "c2ma" || b.ContentType == "c2um")).ToList();
            var findings = new List<Finding>
            {
                new Finding(
                    "C2PA.Manifest",
                    "manifest store present (" + manifests.Count + (manifests.Count == 1 ? " manifest" : " manifests") + "), " + NotVerified,
                    store.Location,
                    Declaration.None),
            };

            for (var i = manifests.Count - 1; i >= 0; i--)
            {
                var location = i == manifests.Count - 1 ? store.Location : store.Location + ", ingredient manifest";
                try
                {
                    ReadManifest(store.Bytes, manifests[i], location, options, findings);
                }
                catch (FormatException e)
                {
                    findings.Add(Malformed(location, e.Message));
                }
            }

            return findings;
        }

        public static Finding Malformed(string location, string reason) =>
            new Finding("C2PA.Manifest", "manifest store present but unreadable (" + reason + "), " + NotVerified, location, Declaration.None);

        private static void ReadManifest(byte[] store, JumbfBox manifest, string location, LocalOptions options, List<Finding> findings)
        {
            var claim = manifest.Children.FirstOrDefault(b => b.IsSuperbox && (b.ContentType == "c2cl" || IsClaimLabel(b.BaseLabel)));
            var claimMap = claim is null ? null : CborContent(store, claim, options);
            var generator = claimMap is null ? null : ClaimGenerator(claimMap);
            if (generator != null)
            {
                findings.Add(new Finding("C2PA.ClaimGenerator", generator, location, Declaration.None));
            }

            var assertionStores = manifest.Children.Where(b => b.IsSuperbox && b.ContentType == "c2as");
            foreach (var assertion in assertionStores.SelectMany(s => s.Children))
            {
                var label = assertion.BaseLabel;
                if (!assertion.IsSuperbox || (label != "c2pa.actions" && label != "c2pa.actions.v2"))
                {
                    continue;
                }

                var actions = CborContent(store, assertion, options)?["actions"];
                if (actions is null || !actions.IsArray)
                {
                    continue;
                }

                foreach (var action in actions.Items.Select(a => a.Untagged).Where(a => a.IsMap))
                {
                    findings.Add(ActionFinding(action, location));
                }
            }
        }

        private static Finding ActionFinding(CborValue action, string location)
        {
            var name = action["action"]?.Untagged.Text ?? "(unnamed action)";
            var sourceType = action["digitalSourceType"]?.Untagged.Text;
            if (sourceType is null)
            {
                return new Finding("C2PA.Action", name, location, Declaration.None);
            }

            var code = DigitalSourceTypes.ShortCode(sourceType);
            var declaration = DigitalSourceTypes.Classify(sourceType);
            return new Finding(
                "C2PA.Action",
                name + " " + code,
                location,
                declaration,
                "declares " + code + " via C2PA (" + NotVerified + ")");
        }

        private static bool IsClaimLabel(string? label) => label == "c2pa.claim" || label == "c2pa.claim.v2";

        /// <summary>The decoded CBOR of a superbox's first <c>cbor</c> content box; null when it has none.</summary>
        private static CborValue? CborContent(byte[] store, JumbfBox superbox, LocalOptions options)
        {
            var content = superbox.Children.FirstOrDefault(b => b.Type == "cbor");
            if (content is null)
            {
                return null;
            }

            return CborReader.Decode(store, content.PayloadOffset, content.PayloadLength, options.MaxCborDepth, options.MaxCborItems).Untagged;
        }

        /// <summary><c>claim_generator</c> (v1 text), else <c>claim_generator_info</c> (a map in v2, an array of maps in v1).</summary>
        private static string? ClaimGenerator(CborValue claim)
        {
            var text = claim["claim_generator"]?.Untagged.Text;
            if (!string.IsNullOrWhiteSpace(text))
            {
                return text;
            }

            var info = claim["claim_generator_info"]?.Untagged;
            var first = info is null ? null : info.IsArray ? info.Items.Select(i => i.Untagged).FirstOrDefault(i => i.IsMap) : info;
            var name = first?["name"]?.Untagged.Text;
            if (name is null)
            {
                return null;
            }

            var version = first!["version"]?.Untagged.Text;
            return version is null ? name : name + " " + version;
        }
    }
}
