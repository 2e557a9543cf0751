using System.Collections.Generic;
using System.Linq;

namespace Deepfake.Output
{
    /// <summary>Where the face is, as serialised in a report.</summary>
    public sealed class FaceRecord
    {
        public BoxRecord? Box { get; init; }

        public IReadOnlyList<LandmarkRecord> Landmarks { get; init; } = new LandmarkRecord[0];

        internal static FaceRecord From(FaceRegion face) => new FaceRecord
        {
            Box = face.Box is null ? null : new BoxRecord { X = face.Box.X, Y = face.Box.Y, Width = face.Box.Width, Height = face.Box.Height },
            Landmarks = face.Landmarks.Select(l => new LandmarkRecord { Name = l.Name, X = l.X, Y = l.Y }).ToList(),
        };
    }
}
