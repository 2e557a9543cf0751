using Deepfake.Cli;
using Deepfake.Cli.Checking;
using Deepfake.Cli.Output;
using Deepfake.Tests.Output;

namespace Deepfake.Tests.Checking
{
    public sealed class OutcomeTallyTests
    {
        private static DeepfakeResult With(DeepfakeStatus status) => new() { Source = "x", Provider = "Local", Status = status };

        [Theory]
        [InlineData(new DeepfakeStatus[0], ExitCodes.Success)]
        [InlineData(new[] { DeepfakeStatus.Genuine, DeepfakeStatus.Genuine }, ExitCodes.Success)]
        [InlineData(new[] { DeepfakeStatus.Genuine, DeepfakeStatus.Inconclusive }, ExitCodes.Success)]
        [InlineData(new[] { DeepfakeStatus.Genuine, DeepfakeStatus.Deepfake }, ExitCodes.Found)]
        [InlineData(new[] { DeepfakeStatus.Deepfake, DeepfakeStatus.Rejected }, ExitCodes.NotChecked)]
        [InlineData(new[] { DeepfakeStatus.Genuine, DeepfakeStatus.Failed }, ExitCodes.NotChecked)]
        public void Verdict_exit_code(DeepfakeStatus[] statuses, int expected)
        {
            var tally = new OutcomeTally(CheckKind.Verdict);
            foreach (var status in statuses) tally.Add(With(status));
            Assert.Equal(expected, tally.ExitCode());
            Assert.Equal(statuses.Length, tally.Total);
        }

        [Fact]
        public void Quality_exit_code_follows_image_quality_not_the_verdict()
        {
            var tally = new OutcomeTally(CheckKind.Quality);
            tally.Add(With(DeepfakeStatus.Deepfake));
            Assert.Equal(ExitCodes.Success, tally.ExitCode());

            tally.Add(SampleResults.OotoGenuine()); // its exposure metric failed
            Assert.Equal(ExitCodes.Found, tally.ExitCode());

            tally.Add(SampleResults.Failed());
            Assert.Equal(ExitCodes.NotChecked, tally.ExitCode());
        }
    }
}
