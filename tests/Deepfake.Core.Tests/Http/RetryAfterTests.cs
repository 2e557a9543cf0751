using Deepfake.Http;

namespace Deepfake.Tests.Http;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("7", 7)]
    [InlineData(" 120 ", 120)]
    [InlineData("Sun, 22 Nov 2026 10:00:30 GMT", 30)]
    [InlineData("Sunday, 22-Nov-26 10:01:00 GMT", 60)]
    [InlineData("Sun Nov 22 10:00:05 2026", 5)]
    [InlineData("Sun, 22 Nov 2026 09:00:00 GMT", 0)]
    public void Reads_seconds_and_http_dates(string value, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfter.Parse(value, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1.5")]
    public void Anything_else_is_no_retry_after(string? value)
    {
        Assert.Null(RetryAfter.Parse(value, Now));
    }
}
