using System;
using System.Collections.Generic;

namespace Deepfake.Local.Provenance
{
    /// <summary>
    /// The IPTC Digital Source Type NewsCodes (http://cv.iptc.org/newscodes/digitalsourcetype/), current and retired,
    /// and which of them declare synthetic (AI or algorithmic) content. C2PA actions use the same URIs.
    /// </summary>
    internal static class DigitalSourceTypes
    {
        public const string IptcPrefix = "http://cv.iptc.org/newscodes/digitalsourcetype/";

        private static readonly HashSet<string> Synthetic = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "trainedAlgorithmicMedia",
            "compositeWithTrainedAlgorithmicMedia",
            "algorithmicMedia",
            "compositeSynthetic",
        };

        private static readonly HashSet<string> Known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "trainedAlgorithmicMedia",
            "compositeWithTrainedAlgorithmicMedia",
            "algorithmicMedia",
            "compositeSynthetic",
            "digitalCapture",
            "computationalCapture",
            "multiFrameComputationalCapture",
            "negativeFilm",
            "positiveFilm",
            "print",
            "humanEdits",
            "minorHumanEdits",
            "compositeCapture",
            "composite",
            "algorithmicallyEnhanced",
            "dataDrivenMedia",
            "digitalArt",
            "digitalCreation",
            "virtualRecording",
            "screenCapture",
            "softwareImage",
        };

        /// <summary>The short code (<c>trainedAlgorithmicMedia</c>) of an IPTC URI or qcode; other values unchanged.</summary>
        public static string ShortCode(string value)
        {
            var trimmed = value.Trim();
            if (trimmed.StartsWith(IptcPrefix, StringComparison.OrdinalIgnoreCase)
                || trimmed.StartsWith("https://cv.iptc.org/newscodes/digitalsourcetype/", StringComparison.OrdinalIgnoreCase))
            {
                return trimmed.Substring(trimmed.LastIndexOf('/') + 1);
            }

            if (trimmed.StartsWith("digsrctype:", StringComparison.OrdinalIgnoreCase))
            {
                return trimmed.Substring("digsrctype:".Length);
            }

            return trimmed;
        }

        /// <summary>Synthetic for the AI and algorithmic codes, NonSynthetic for the other IPTC codes, None for unknown values.</summary>
        public static Declaration Classify(string value)
        {
            var code = ShortCode(value);
            if (Synthetic.Contains(code))
            {
                return Declaration.Synthetic;
            }

            return Known.Contains(code) ? Declaration.NonSynthetic : Declaration.None;
        }
    }
}
