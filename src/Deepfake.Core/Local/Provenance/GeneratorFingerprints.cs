using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Deepfake.Local.Containers;

namespace Deepfake.Local.Provenance
{
    /// <summary>
    /// Recognises what image generators write into PNG text chunks: <c>parameters</c> (AUTOMATIC1111, Forge,
    /// Fooocus, SwarmUI), <c>prompt</c>/<c>workflow</c> (ComfyUI), <c>invokeai_metadata</c>/<c>sd-metadata</c>/
    /// <c>Dream</c> (InvokeAI), NovelAI's <c>Software</c>/<c>Comment</c>, Midjourney's <c>Description</c> with a Job
    /// ID, and Software/Source naming a generator. Values are the generator and a short excerpt, never the whole prompt.
    /// </summary>
    internal static class GeneratorFingerprints
    {
        private static readonly JsonDocumentOptions Json = new JsonDocumentOptions { MaxDepth = 64 };

        public static IEnumerable<Finding> Read(IReadOnlyList<TextChunk> chunks)
        {
            var novelAi = chunks.Any(c => c.Keyword == "Software" && c.Text.IndexOf("NovelAI", StringComparison.OrdinalIgnoreCase) >= 0);
            foreach (var chunk in chunks)
            {
                var finding = FromChunk(chunk, novelAi);
                if (finding != null)
                {
                    yield return finding;
                }
            }
        }

        /// <summary>AUTOMATIC1111-style generation parameters ("prompt / Negative prompt: / Steps: ..."), or null.</summary>
        public static Finding? FromParameters(string text, string location)
        {
            var trimmed = text.Trim();
            if (trimmed.StartsWith("{", StringComparison.Ordinal))
            {
                var generator = trimmed.IndexOf("sui_image_params", StringComparison.Ordinal) >= 0 ? "SwarmUI"
                    : trimmed.IndexOf("Fooocus", StringComparison.OrdinalIgnoreCase) >= 0 ? "Fooocus"
                    : null;
                return generator is null ? null : Parameters(generator, Excerpt.Of(trimmed, 60), location);
            }

            var settingsLine = trimmed.Split('\n').LastOrDefault(l => l.TrimStart().StartsWith("Steps:", StringComparison.Ordinal));
            if (settingsLine is null)
            {
                return null;
            }

            var settings = Settings(settingsLine);
            settings.TryGetValue("Version", out var version);
            var name = trimmed.IndexOf("Fooocus", StringComparison.OrdinalIgnoreCase) >= 0 ? "Fooocus"
                : version != null && version.StartsWith("f", StringComparison.Ordinal) && version.Length > 1 && char.IsDigit(version[1]) ? "Stable Diffusion WebUI Forge"
                : version != null && version.StartsWith("v", StringComparison.Ordinal) ? "AUTOMATIC1111 Stable Diffusion WebUI"
                : "Stable Diffusion WebUI";
            var parts = new List<string> { name };
            foreach (var key in new[] { "Model", "Steps", "Sampler" })
            {
                if (settings.TryGetValue(key, out var value))
                {
                    parts.Add(key + " " + Excerpt.Of(value, 40));
                }
            }

            var prompt = trimmed.Split('\n')[0];
            if (!prompt.StartsWith("Steps:", StringComparison.Ordinal) && !prompt.StartsWith("Negative prompt:", StringComparison.Ordinal))
            {
                parts.Add("prompt \"" + Excerpt.Of(prompt, 60) + "\"");
            }

            return Parameters(name, string.Join("; ", parts.Skip(1)), location);
        }

        private static Finding Parameters(string generator, string detail, string location) =>
            new Finding("Generator.Parameters", generator + "; " + detail, location, Declaration.Synthetic, "carries " + generator + " generation parameters (" + location + ")");

        private static Finding? FromChunk(TextChunk chunk, bool novelAi)
        {
            var text = chunk.Text;
            switch (chunk.Keyword)
            {
                case "parameters":
                    return FromParameters(text, chunk.Location)
                        ?? Synthetic("Generator.Parameters", "unknown generator; " + Excerpt.Of(text, 60), chunk.Location, "carries generation parameters (" + chunk.Location + ")");
                case "prompt":
                    var nodes = ComfyNodes(text, workflow: false);
                    return nodes is null ? null : Synthetic("Generator.Prompt", "ComfyUI; " + nodes, chunk.Location, "carries a ComfyUI prompt graph (" + chunk.Location + ")");
                case "workflow":
                    var workflow = ComfyNodes(text, workflow: true);
                    return workflow is null ? null : Synthetic("Generator.Workflow", "ComfyUI; " + workflow, chunk.Location, "carries a ComfyUI workflow (" + chunk.Location + ")");
                case "invokeai_metadata":
                case "invokeai_graph":
                case "sd-metadata":
                case "Dream":
                    return Synthetic("Generator.InvokeAI", "InvokeAI; " + Excerpt.Of(text, 60), chunk.Location, "carries InvokeAI metadata (" + chunk.Location + ")");
                case "Comment" when novelAi:
                    return Synthetic("Generator.NovelAI", "NovelAI; " + Excerpt.Of(text, 60), chunk.Location, "carries NovelAI generation settings (" + chunk.Location + ")");
                case "Description" when text.IndexOf("Job ID:", StringComparison.OrdinalIgnoreCase) >= 0:
                    var job = text.Substring(text.IndexOf("Job ID:", StringComparison.OrdinalIgnoreCase));
                    return Synthetic("Generator.Midjourney", "Midjourney; " + Excerpt.Of(job, 60), chunk.Location, "carries a Midjourney job id (" + chunk.Location + ")");
                case "Software":
                case "Source":
                    var generator = KnownGenerators.Find(text);
                    return generator is null ? null : Synthetic("Generator.Software", Excerpt.Of(text), chunk.Location, "names the generator " + generator + " (" + chunk.Location + ")");
                default:
                    return null;
            }
        }

        private static Finding Synthetic(string kind, string value, string location, string summary) =>
            new Finding(kind, value, location, Declaration.Synthetic, summary);

        /// <summary>
        /// "7 nodes; checkpoint x.safetensors" for a ComfyUI API prompt (an object of nodes with class_type) or a
        /// workflow (an object with a nodes array); null when the JSON is neither.
        /// </summary>
        private static string? ComfyNodes(string text, bool workflow)
        {
            try
            {
                using var document = JsonDocument.Parse(text, Json);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                if (workflow)
                {
                    return root.TryGetProperty("nodes", out var list) && list.ValueKind == JsonValueKind.Array
                        ? list.GetArrayLength() + " nodes"
                        : null;
                }

                var count = 0;
                string? checkpoint = null;
                foreach (var node in root.EnumerateObject())
                {
                    if (node.Value.ValueKind != JsonValueKind.Object || !node.Value.TryGetProperty("class_type", out _))
                    {
                        continue;
                    }

                    count++;
                    if (checkpoint is null && node.Value.TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Object
                        && inputs.TryGetProperty("ckpt_name", out var ckpt) && ckpt.ValueKind == JsonValueKind.String)
                    {
                        checkpoint = ckpt.GetString();
                    }
                }

                return count == 0 ? null : count + " nodes" + (checkpoint is null ? string.Empty : "; checkpoint " + Excerpt.Of(checkpoint, 60));
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static Dictionary<string, string> Settings(string line)
        {
            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var part in line.Split(new[] { ", " }, StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = part.IndexOf(':');
                if (colon > 0)
                {
                    var key = part.Substring(0, colon).Trim();
                    if (!settings.ContainsKey(key))
                    {
                        settings[key] = part.Substring(colon + 1).Trim();
                    }
                }
            }

            return settings;
        }
    }
}
