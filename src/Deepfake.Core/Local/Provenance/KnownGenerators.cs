using System;
using System.Text.RegularExpressions;

namespace Deepfake.Local.Provenance
{
    /// <summary>Names of image generators as they appear in Software, CreatorTool and claim-generator fields.</summary>
    internal static class KnownGenerators
    {
        private static readonly Regex Pattern = new Regex(
            @"\b(Stable[ _-]?Diffusion|AUTOMATIC1111|ComfyUI|NovelAI|Midjourney|DALL[·\-_ ]?E|Adobe[ _]Firefly|Firefly|Imagen|Fooocus|InvokeAI|SwarmUI|Leonardo\.?Ai|Ideogram|FLUX\.\d|Draw Things|DiffusionBee|DreamStudio|Stability AI|Craiyon|Playground AI|Bing Image Creator|Sora|GPT-4o|ChatGPT|Gemini)\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromMilliseconds(200));

        /// <summary>The generator a field names, or null when it names none.</summary>
        public static string? Find(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            try
            {
                var match = Pattern.Match(text!.Length > 4096 ? text.Substring(0, 4096) : text);
                return match.Success ? match.Value : null;
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
        }
    }
}
