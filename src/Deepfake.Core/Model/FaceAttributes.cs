using System.Collections.Generic;

namespace Deepfake
{
    /// <summary>Objects detected on the face (Verihubs with <c>is_attribute</c>).</summary>
    public sealed class FaceAttributes
    {
        public FaceAttributes(bool? sunglasses, bool? mask, bool? veil, bool? hat, bool? faceBlocker)
        {
            Sunglasses = sunglasses;
            Mask = mask;
            Veil = veil;
            Hat = hat;
            FaceBlocker = faceBlocker;
        }

        public bool? Sunglasses { get; }

        public bool? Mask { get; }

        public bool? Veil { get; }

        public bool? Hat { get; }

        public bool? FaceBlocker { get; }

        public override string ToString()
        {
            var seen = new List<string>();
            if (Sunglasses == true) seen.Add("sunglasses");
            if (Mask == true) seen.Add("mask");
            if (Veil == true) seen.Add("veil");
            if (Hat == true) seen.Add("hat");
            if (FaceBlocker == true) seen.Add("face blocker");
            return seen.Count == 0 ? "none" : string.Join(", ", seen);
        }
    }
}
