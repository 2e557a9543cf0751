using System.Management.Automation;

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
    }
}
