using Deepfake.Tests.Support;

namespace Deepfake.Tests.Contract
{
    public sealed class ErrorCategoryTests
    {
        [Fact]
        public void Every_core_category_name_is_a_member_of_PowerShells_ErrorCategory()
        {
            using var metadata = new CmdletMetadata();
            var category = metadata.Automation.GetType("System.Management.Automation.ErrorCategory", throwOnError: true)!;
            var members = category.GetFields().Where(f => f.IsLiteral).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            Assert.All(Enum.GetNames(typeof(ErrorCategoryName)), name => Assert.Contains(name, members));
        }

        [Fact]
        public void Every_error_code_maps_to_a_category_other_than_NotSpecified()
        {
            Assert.All(
                Enum.GetValues(typeof(DeepfakeErrorCode)).Cast<DeepfakeErrorCode>().Where(c => c != DeepfakeErrorCode.ProviderError),
                code => Assert.NotEqual(ErrorCategoryName.NotSpecified, code.ToCategory()));
        }
    }
}
