using System;
using System.Collections.Generic;
using System.Text.Json;
using Deepfake.Http;

namespace Deepfake.Verihubs
{
    /// <summary>
    /// Reads Verihubs' answer members: numbers sent as strings (and as numbers), <c>rotation</c> as string or integer,
    /// <c>image_quality</c> and <c>attributes</c> only when they were asked for.
    /// </summary>
    internal static class VerihubsResponseReader
    {
        public static FaceRegion? ReadFace(JsonElement? boundingBox, JsonElement? faceLandmark)
        {
            var box = ReadBox(boundingBox);
            var landmarks = ReadLandmarks(faceLandmark);
            return box is null && landmarks.Count == 0 ? null : new FaceRegion(box, landmarks);
        }

        public static FaceBox? ReadBox(JsonElement? box)
        {
            var x = box.Member("TopLeftX").AsDouble();
            var y = box.Member("TopLeftY").AsDouble();
            if (x is null || y is null)
            {
                return null;
            }

            var width = box.Member("Width").AsDouble();
            var height = box.Member("Height").AsDouble();
            if (width is double w && height is double h)
            {
                return new FaceBox(x.Value, y.Value, w, h);
            }

            var right = box.Member("BottomRightX").AsDouble();
            var bottom = box.Member("BottomRightY").AsDouble();
            return right is double r && bottom is double b ? FaceBox.FromCorners(x.Value, y.Value, r, b) : null;
        }

        /// <summary>Every <c>NameX</c>/<c>NameY</c> pair, in the order sent, as a point called <c>Name</c>.</summary>
        public static ReadableList<Landmark> ReadLandmarks(JsonElement? landmarks)
        {
            if (landmarks is not JsonElement l || l.ValueKind != JsonValueKind.Object)
            {
                return ReadableList<Landmark>.None;
            }

            var points = new List<Landmark>();
            foreach (var property in l.EnumerateObject())
            {
                if (property.Name.Length < 2 || !property.Name.EndsWith("X", StringComparison.Ordinal))
                {
                    continue;
                }

                var name = property.Name.Substring(0, property.Name.Length - 1);
                if (((JsonElement?)property.Value).AsDouble() is double x && landmarks.Member(name + "Y").AsDouble() is double y)
                {
                    points.Add(new Landmark(name, x, y));
                }
            }

            return ReadableList<Landmark>.From(points);
        }

        /// <summary><c>blur</c> and <c>dark</c> are flags that say something is wrong: a metric is fine when its flag is false.</summary>
        public static FaceQuality? ReadQuality(JsonElement? quality)
        {
            if (quality is not JsonElement q || q.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var metrics = new List<QualityMetric>();
            foreach (var property in q.EnumerateObject())
            {
                JsonElement? value = property.Value;
                if (value.AsBool() is bool flagged && property.Value.ValueKind != JsonValueKind.Number)
                {
                    metrics.Add(new QualityMetric(property.Name, null, !flagged));
                }
                else if (value.AsDouble() is double measured)
                {
                    metrics.Add(new QualityMetric(property.Name, measured, null));
                }
            }

            return new FaceQuality(null, null, null, metrics);
        }

        public static FaceAttributes? ReadAttributes(JsonElement? attributes)
        {
            if (attributes is not JsonElement a || a.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return new FaceAttributes(
                attributes.Member("sunglasses_on").AsBool(),
                attributes.Member("mask_on").AsBool(),
                attributes.Member("veil_on").AsBool(),
                attributes.Member("hat_on").AsBool(),
                attributes.Member("face_blocker").AsBool());
        }

        /// <summary>Unix seconds with a fraction (<c>1675129190.662234</c>), as a number or a string.</summary>
        public static DateTimeOffset? ReadTimestamp(JsonElement? timestamp)
        {
            var seconds = timestamp.AsDouble();
            if (seconds is null || seconds.Value < 0 || seconds.Value > 253402300799)
            {
                return null;
            }

            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds.Value * 1000));
        }
    }
}
