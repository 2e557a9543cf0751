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

        /// <summary>Have the provider reject images that fail the quality check; implies -IncludeQuality.</summary>
        [Parameter]
        public SwitchParameter ValidateQuality { get; set; }

        /// <summary>Have the provider reject images that fail the attribute check; implies -IncludeAttributes.</summary>
        [Parameter]
        public SwitchParameter ValidateAttributes { get; set; }

        protected override CheckOptions CreateCheckOptions() => new CheckOptions
        {
            Threshold = MyInvocation.BoundParameters.ContainsKey(nameof(Threshold)) ? Threshold : (double?)null,
            IncludeQuality = IncludeQuality || ValidateQuality,
            IncludeAttributes = IncludeAttributes || ValidateAttributes,
            ValidateQuality = ValidateQuality,
            ValidateAttributes = ValidateAttributes,
        };

        protected override object ToOutput(DeepfakeResult result) => result;
    }
}
