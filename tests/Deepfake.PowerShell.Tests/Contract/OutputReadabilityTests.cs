using System.Collections;
using System.Reflection;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.Contract
{
    /// <summary>
    /// Export-Csv writes each property's ToString(). Every property of every type a cmdlet outputs, and of the
    /// types beneath them, must read as a meaningful scalar: text, a number, an enum, or a type with its own
    /// ToString (lists through ReadableList, whose items obey the same rule).
    /// </summary>
    public sealed class OutputReadabilityTests
    {
        [Fact]
        public void Every_property_of_every_output_type_has_a_meaningful_ToString()
        {
            var unreadable = new List<string>();
            var seen = new HashSet<Type>();
            foreach (var type in OutputTypes())
            {
                Walk(type, type.Name, seen, unreadable);
            }

            Assert.Empty(unreadable);
        }

        [Fact]
        public void No_output_type_has_a_property_that_could_hold_a_key()
        {
            foreach (var type in OutputTypes())
            {
                Assert.DoesNotContain(type.GetProperties(), p =>
                    (p.Name.Contains("Key", StringComparison.OrdinalIgnoreCase) && !p.Name.EndsWith("Hint", StringComparison.Ordinal)) ||
                    p.PropertyType == typeof(Deepfake.Credentials.ProviderCredential));
            }
        }

        [Fact]
        public void A_fully_populated_result_exports_no_type_names()
        {
            var quality = new FaceQuality(1.5, -2, 0.25, new[] { new QualityMetric("blur", 0.12, false), new QualityMetric("exposure", 0.9, true) });
            var result = new DeepfakeResult
            {
                Source = @"\\share\onboarding\a.jpg",
                Provider = "Ooto",
                Status = DeepfakeStatus.Rejected,
                IsDeepfake = false,
                Score = 0.42,
                Threshold = 0.5,
                ErrorCode = DeepfakeErrorCode.QualityRejected,
                ProviderCode = "7",
                Message = "too blurry",
                TransactionId = "tx-1",
                Face = new FaceRegion(new FaceBox(1, 2, 3, 4), new ReadableList<Landmark>(new[] { new Landmark("Nose", 5, 6) })),
                FaceCount = 1,
                Rotation = 90,
                Quality = quality,
                Attributes = new FaceAttributes(true, false, null, null, null),
                Demography = new Demography(30, "female", null),
                HttpStatus = 200,
                ProviderStatus = "FACE-3",
                Timestamp = DateTimeOffset.UnixEpoch,
                Evidence = new ReadableList<Evidence>(new[] { new Evidence("C2PA.Action", "created", "XMP") }),
                Attempts = 2,
                Elapsed = TimeSpan.FromMilliseconds(12.34),
                RawResponse = "{}",
            };

            foreach (var value in new object[] { result, QualityReport.FromResult(result) })
            {
                foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
                {
                    var text = Convert.ToString(property.GetValue(value), System.Globalization.CultureInfo.InvariantCulture);
                    Assert.False(string.IsNullOrEmpty(text), value.GetType().Name + "." + property.Name + " reads as nothing");
                    Assert.DoesNotContain("Deepfake.", text);
                    Assert.DoesNotContain("System.", text);
                }
            }
        }

        private static IEnumerable<Type> OutputTypes()
        {
            using var metadata = new CmdletMetadata();
            var names = metadata.Cmdlets.SelectMany(c => c.OutputTypes).Select(t => t.FullName!).Distinct().ToList();
            Assert.NotEmpty(names);
            return names.Select(n => typeof(DeepfakeResult).Assembly.GetType(n, throwOnError: true)!).ToList();
        }

        private static void Walk(Type type, string path, HashSet<Type> seen, List<string> unreadable)
        {
            if (!seen.Add(type))
            {
                return;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                var where = path + "." + property.Name;
                var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (IsScalar(propertyType))
                {
                    continue;
                }

                if (!OverridesToString(propertyType))
                {
                    unreadable.Add(where + " (" + propertyType.Name + ")");
                    continue;
                }

                var item = ItemType(propertyType);
                if (item != null)
                {
                    var itemType = Nullable.GetUnderlyingType(item) ?? item;
                    if (!IsScalar(itemType) && !OverridesToString(itemType))
                    {
                        unreadable.Add(where + " items (" + itemType.Name + ")");
                    }
                    else if (!IsScalar(itemType))
                    {
                        Walk(itemType, where + "[]", seen, unreadable);
                    }
                }
                else if (propertyType.Namespace?.StartsWith("Deepfake", StringComparison.Ordinal) == true)
                {
                    Walk(propertyType, where, seen, unreadable);
                }
            }
        }

        private static bool IsScalar(Type type) =>
            type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) ||
            type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(Uri);

        private static bool OverridesToString(Type type) =>
            type.GetMethod(nameof(ToString), Type.EmptyTypes)!.DeclaringType != typeof(object) && !type.IsInterface;

        private static Type? ItemType(Type type) =>
            typeof(IEnumerable).IsAssignableFrom(type) && type != typeof(string)
                ? type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).Select(i => i.GetGenericArguments()[0]).FirstOrDefault()
                : null;
    }
}
