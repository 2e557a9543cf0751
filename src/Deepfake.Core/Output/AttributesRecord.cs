namespace Deepfake.Output
{
    /// <summary>Objects detected on the face, as serialised in a report.</summary>
    public sealed class AttributesRecord
    {
        public bool? Sunglasses { get; init; }

        public bool? Mask { get; init; }

        public bool? Veil { get; init; }

        public bool? Hat { get; init; }

        public bool? FaceBlocker { get; init; }

        internal static AttributesRecord From(FaceAttributes a) => new AttributesRecord
        {
            Sunglasses = a.Sunglasses,
            Mask = a.Mask,
            Veil = a.Veil,
            Hat = a.Hat,
            FaceBlocker = a.FaceBlocker,
        };
    }
}
