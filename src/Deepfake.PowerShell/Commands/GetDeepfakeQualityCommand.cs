using System.Management.Automation;
using Deepfake.Providers;

namespace Deepfake.Commands
{
    /// <summary>Reports the image quality of each face photo: one <see cref="QualityReport"/> or one error record per input.</summary>
    [Cmdlet(VerbsCommon.Get, "DeepfakeQuality", DefaultParameterSetName = PathParameterSet)]
    [OutputType(typeof(QualityReport))]
    public sealed class GetDeepfakeQualityCommand : CheckCommandBase
    {
        /// <summary>Also count objects on the face (sunglasses, mask, ...) as failed checks (Verihubs).</summary>
        [Parameter]
        public SwitchParameter IncludeAttributes { get; set; }

        protected override CheckOptions CreateCheckOptions() =>
            new CheckOptions { IncludeQuality = true, IncludeAttributes = IncludeAttributes };

        protected override object ToOutput(DeepfakeResult result) => QualityReport.FromResult(result);

        protected override string? Unsuitable(Deepfake.Providers.ProviderInfo info) =>
            info.ReturnsQuality
                ? null
                : "The " + info.Name + " provider does not measure image quality. Use -Provider " + ProviderKind.Ooto + " or -Provider " + ProviderKind.Verihubs + ".";
    }
}
