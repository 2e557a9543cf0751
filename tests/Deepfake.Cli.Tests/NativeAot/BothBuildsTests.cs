namespace Deepfake.Tests.NativeAot
{
    /// <summary>The normalisation hides run-to-run noise and nothing else, so the differential tests can fail.</summary>
    public sealed class BothBuildsTests
    {
        [Fact]
        public void Timings_guids_and_clock_times_are_normalised()
        {
            var a = "{\"transactionId\":\"d32fd476-e2ba-4793-8fa8-5796c87478c8\",\"timestamp\":\"2026-11-22T02:13:04.0000000+00:00\",\"elapsedMs\":289.5}\n"
                + "0,a.jpg,Ooto,genuine,0.93,2026-11-22T02:13:07.063+00:00,1,16.1\r\n"
                + "verbose: POST http://127.0.0.1:1/ (a.jpg, 10 bytes) -> 200 in 108 ms, attempt 1\n"
                + "debug: response headers: Date: Sun, 22 Nov 2026 02:13:12 GMT; Server: Kestrel; Content-Length: 721\n";
            var b = "{\"transactionId\":\"8ec44d7f-9f1d-4605-88dd-57bc0d638bea\",\"timestamp\":\"2026-11-22T02:13:05.0000000+00:00\",\"elapsedMs\":0}\n"
                + "0,a.jpg,Ooto,genuine,0.93,2026-11-22T02:13:08.5+00:00,1,0.1\r\n"
                + "verbose: POST http://127.0.0.1:1/ (a.jpg, 10 bytes) -> 200 in 2 ms, attempt 1\n"
                + "debug: response headers: Date: Sun, 22 Nov 2026 02:13:13 GMT; Server: Kestrel; Content-Length: 720\n";

            Assert.Equal(BothBuilds.Normalise(a), BothBuilds.Normalise(b));
        }

        [Theory]
        [InlineData("{\"score\":0.93,\"elapsedMs\":1}", "{\"score\":0.94,\"elapsedMs\":1}")]
        [InlineData("0,a.jpg,genuine,1,16.1\r\n", "0,a.jpg,genuine,2,16.1\r\n")]
        [InlineData("-> 200 in 5 ms, attempt 1", "-> 200 in 5 ms, attempt 2")]
        [InlineData("exit\n", "exit\r\n")]
        [InlineData("a\nb", "b\na")]
        public void Anything_else_still_differs(string a, string b)
        {
            Assert.NotEqual(BothBuilds.Normalise(a), BothBuilds.Normalise(b));
        }

        [Fact]
        public void In_any_order_ignores_only_the_order_of_the_lines()
        {
            Assert.Equal(BothBuilds.Normalise("a\nb\n", inAnyOrder: true), BothBuilds.Normalise("b\na\n", inAnyOrder: true));
            Assert.NotEqual(BothBuilds.Normalise("a\nb\n", inAnyOrder: true), BothBuilds.Normalise("a\nc\n", inAnyOrder: true));
        }
    }
}
