using System.Collections.Generic;
using System.Text.Json;
using Deepfake.Http;

namespace Deepfake.Ooto
{
    /// <summary>
    /// Reads the parts of OOTO's <c>result</c> object, accepting both readings where its page contradicts itself:
    /// <c>box</c> as <c>{x, y, w, h}</c> or <c>[x1, y1, x2, y2]</c>, any number of landmarks, quality metrics as
    /// <c>{value, fine}</c> or <c>{score, fine}</c> and head pose as bare numbers.
    /// </summary>
    internal static class OotoResponseReader
    {
        private static readonly HashSet<string> PoseAngles = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase) { "pitch", "yaw", "roll" };

        public static FaceQuality? ReadQuality(JsonElement? quality)
        {
            if (quality is not JsonElement q || q.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var metrics = new List<QualityMetric>();
            foreach (var property in q.EnumerateObject())
            {
                if (PoseAngles.Contains(property.Name))
                {
                    continue;
                }

                JsonElement? value = property.Value;
                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    var measured = value.Member("value") ?? value.Member("score");
                    metrics.Add(new QualityMetric(property.Name, measured.AsDouble(), value.Member("fine").AsBool()));
                }
                else if (value.AsDouble() is double bare)
                {
                    metrics.Add(new QualityMetric(property.Name, bare, null));
                }
            }

            return new FaceQuality(quality.Member("pitch").AsDouble(), quality.Member("yaw").AsDouble(), quality.Member("roll").AsDouble(), metrics);
        }

        public static Demography? ReadDemography(JsonElement? demography)
        {
            if (demography is not JsonElement d || d.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return new Demography(demography.Member("age").AsInt(), demography.Member("gender").AsText(), demography.Member("race").AsText());
        }

        public static FaceBox? ReadBox(JsonElement? box)
        {
            if (box is not JsonElement b)
            {
                return null;
            }

            if (b.ValueKind == JsonValueKind.Array)
            {
                var corners = Numbers(b);
                return corners.Count == 4 ? FaceBox.FromCorners(corners[0], corners[1], corners[2], corners[3]) : null;
            }

            var x = box.Member("x").AsDouble();
            var y = box.Member("y").AsDouble();
            var w = (box.Member("w") ?? box.Member("width")).AsDouble();
            var h = (box.Member("h") ?? box.Member("height")).AsDouble();
            if (x is null || y is null || w is null || h is null)
            {
                return null;
            }

            return new FaceBox(x.Value, y.Value, w.Value, h.Value);
        }

        public static ReadableList<Landmark> ReadLandmarks(JsonElement? landmarks)
        {
            if (landmarks is not JsonElement l || l.ValueKind != JsonValueKind.Array)
            {
                return ReadableList<Landmark>.None;
            }

            var points = new List<Landmark>();
            foreach (var point in l.EnumerateArray())
            {
                if (point.ValueKind == JsonValueKind.Array)
                {
                    var xy = Numbers(point);
                    if (xy.Count >= 2)
                    {
                        points.Add(new Landmark(null, xy[0], xy[1]));
                    }
                }
                else if (((JsonElement?)point).Member("x").AsDouble() is double x && ((JsonElement?)point).Member("y").AsDouble() is double y)
                {
                    points.Add(new Landmark(null, x, y));
                }
            }

            return ReadableList<Landmark>.From(points);
        }

        private static List<double> Numbers(JsonElement array)
        {
            var numbers = new List<double>();
            foreach (var item in array.EnumerateArray())
            {
                if (((JsonElement?)item).AsDouble() is double value)
                {
                    numbers.Add(value);
                }
            }

            return numbers;
        }
    }
}
