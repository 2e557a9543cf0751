using System.Management.Automation;

namespace Deepfake.Commands
{
    /// <summary>Checks images for deepfakes: one <see cref="DeepfakeResult"/> or one error record per input.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "DeepfakeCheck", DefaultParameterSetName = PathParameterSet, SupportsShouldProcess = true)]
    [OutputType(typeof(DeepfakeResult))]
    public sealed class InvokeDeepfakeCheckCommand : CheckCommandBase
    {
        /// <summary>Score at or above which an OOTO verdict is genuine, replacing the server's threshold.</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double Threshold { get; set; }

        [Parameter]
        public SwitchParameter IncludeQuality { get; set; }

        [Parameter]
        public SwitchParameter IncludeAttributes { get; set; }

        [Parameter]
        public SwitchParameter ValidateQuality { get; set; }

        [Parameter]
        public SwitchParameter ValidateAttributes { get; set; }
    }
}
