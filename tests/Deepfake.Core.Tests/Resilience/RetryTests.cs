using System.IO;
using System.Net.Http;
using System.Net;
using Deepfake.Tests.Http;

namespace Deepfake.Tests.Resilience;

/// <summary>What is retried, how long the waits are, and what is never retried; all on a fake clock.</summary>
public sealed class RetryTests
{
    private const string OotoGenuine = """{"transactionId":"t","result":{"deepfake":{"score":0.97,"fine":true}}}""";
    private static readonly DeepfakeInput Photo = DeepfakeInput.FromFile(TestFiles.JpegFixture);

    [Fact]
    public async Task Retry_after_seconds_replaces_the_backoff()
    {
        var stubs = new StubProviders();
        stubs.Handler.Then(HttpStatusCode.ServiceUnavailable, "", r => r.Headers.Add("Retry-After", "7")).Then(HttpStatusCode.OK, OotoGenuine);
        using var provider = stubs.Ooto();

        var result = await provider.CheckAsync(Photo, CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(new[] { TimeSpan.FromSeconds(7) }, stubs.Time.AutoAdvancedDelays);
        Assert.Contains("retry 1 of 3 in 7000 ms after ServerError (HTTP 503)", stubs.DiagnosticText);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_waits_until_that_date_on_the_injected_clock()
    {
        var stubs = new StubProviders();
        var at = stubs.Time.GetUtcNow().AddSeconds(42).ToString("r");
        stubs.Handler.Then(HttpStatusCode.TooManyRequests, "", r => r.Headers.Add("Retry-After", at)).Then(HttpStatusCode.OK, OotoGenuine);
        using var provider = stubs.Ooto();

        var result = await provider.CheckAsync(Photo, CheckOptions.Default);

        Assert.Equal(2, result.Attempts);
        Assert.Equal(new[] { TimeSpan.FromSeconds(42) }, stubs.Time.AutoAdvancedDelays);
    }

    [Fact]
    public async Task Retry_after_beyond_the_retry_max_delay_is_still_honoured()
    {
        var stubs = new StubProviders();
        stubs.Handler.Then(HttpStatusCode.TooManyRequests, "", r => r.Headers.Add("Retry-After", "50")).Then(HttpStatusCode.OK, OotoGenuine);
        using var provider = stubs.Ooto(o => { o.RetryBaseDelay = TimeSpan.FromSeconds(1); o.RetryMaxDelay = TimeSpan.FromSeconds(2); });

        await provider.CheckAsync(Photo, CheckOptions.Default);

        Assert.Equal(new[] { TimeSpan.FromSeconds(50) }, stubs.Time.AutoAdvancedDelays);
    }

    [Fact]
    public async Task Without_retry_after_the_backoff_grows_with_jitter_and_stays_under_the_max_delay()
    {
        var stubs = new StubProviders();
        for (var i = 0; i < 6; i++)
        {
            stubs.Handler.Then(HttpStatusCode.InternalServerError, "{\"message\":\"boom\"}");
        }

        using var provider = stubs.Ooto(o => { o.MaxRetries = 5; o.RetryBaseDelay = TimeSpan.FromSeconds(1); o.RetryMaxDelay = TimeSpan.FromSeconds(8); });

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(Photo, CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.ServerError, error.ErrorCode);
        Assert.Equal(6, error.Attempts);
        Assert.Equal(6, stubs.Handler.Requests.Count);
        var delays = stubs.Time.AutoAdvancedDelays;
        Assert.Equal(5, delays.Count);
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(8)));
        Assert.True(delays.Skip(1).Max() > delays[0], "later retries wait longer than the first");
        Assert.Equal(TimeSpan.FromSeconds(8), delays.Last());
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout, DeepfakeErrorCode.Timeout)]
    [InlineData(HttpStatusCode.TooManyRequests, DeepfakeErrorCode.RateLimited)]
    [InlineData(HttpStatusCode.InternalServerError, DeepfakeErrorCode.ServerError)]
    [InlineData(HttpStatusCode.BadGateway, DeepfakeErrorCode.ServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable, DeepfakeErrorCode.ServerError)]
    [InlineData(HttpStatusCode.GatewayTimeout, DeepfakeErrorCode.ServerError)]
    public async Task Transient_statuses_are_retried_up_to_max_retries_then_fail_clearly(HttpStatusCode status, DeepfakeErrorCode expected)
    {
        var stubs = new StubProviders();
        for (var i = 0; i < 4; i++)
        {
            stubs.Handler.Then(status, "");
        }

        using var provider = stubs.Ooto();

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(Photo, CheckOptions.Default));

        Assert.Equal(expected, error.ErrorCode);
        Assert.Equal(4, error.Attempts);
        Assert.Equal((int)status, error.HttpStatus);
        Assert.Contains(Photo.Source, error.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "{\"result\":{\"status\":\"error\",\"code\":1,\"info\":\"photo should not be empty\"}}", DeepfakeErrorCode.InvalidRequest)]
    [InlineData(HttpStatusCode.Unauthorized, "{}", DeepfakeErrorCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden, "{}", DeepfakeErrorCode.Unauthorized)]
    [InlineData(HttpStatusCode.TooManyRequests, "{\"error_code\":\"INSUFFICIENT_QUOTA\"}", DeepfakeErrorCode.QuotaExceeded)]
    public async Task Refusals_are_never_retried(HttpStatusCode status, string body, DeepfakeErrorCode expected)
    {
        var stubs = new StubProviders();
        stubs.Handler.Then(status, body);
        using var provider = stubs.Ooto();

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(Photo, CheckOptions.Default));

        Assert.Equal(expected, error.ErrorCode);
        Assert.Single(stubs.Handler.Requests);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task A_rejected_image_is_a_result_and_not_retried()
    {
        var stubs = new StubProviders();
        stubs.Handler.Then(HttpStatusCode.BadRequest, "{\"transactionId\":\"t\",\"result\":{\"status\":\"error\",\"code\":6,\"info\":\"more than one face detected on photo\"}}");
        using var provider = stubs.Ooto();

        var result = await provider.CheckAsync(Photo, CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Rejected, result.Status);
        Assert.Equal(DeepfakeErrorCode.MultipleFaces, result.ErrorCode);
        Assert.Equal("6", result.ProviderCode);
        Assert.Equal(1, result.Attempts);
        Assert.Single(stubs.Handler.Requests);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_time_left_fails_now_with_the_real_reason()
    {
        var stubs = new StubProviders();
        stubs.Handler.Then(HttpStatusCode.TooManyRequests, "", r => r.Headers.Add("Retry-After", "3600"));
        using var provider = stubs.Ooto(o => { o.TotalTimeout = TimeSpan.FromMinutes(40); o.AttemptTimeout = TimeSpan.FromMinutes(30); });

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(Photo, CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.RateLimited, error.ErrorCode);
        Assert.Single(stubs.Handler.Requests);
        Assert.Contains("not retrying", stubs.DiagnosticText);
    }

    [Fact]
    public async Task Connection_failures_and_unreadable_bodies_are_retried()
    {
        var stubs = new StubProviders();
        stubs.Handler
            .ThenThrow(new HttpRequestException("Connection refused", new System.Net.Sockets.SocketException(111)))
            .ThenThrow(new IOException("The response ended prematurely."))
            .Then(HttpStatusCode.OK, "{\"transactionId\":\"t\",\"res")
            .Then(HttpStatusCode.OK, OotoGenuine);
        using var provider = stubs.Ooto();

        var result = await provider.CheckAsync(Photo, CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.Equal(4, result.Attempts);
    }

    [Fact]
    public async Task A_connection_failure_on_the_last_attempt_is_a_network_error_naming_the_endpoint()
    {
        var stubs = new StubProviders();
        stubs.Handler.ThenThrow(new HttpRequestException("Connection refused")).ThenThrow(new HttpRequestException("Connection refused"));
        using var provider = stubs.Ooto(o => o.MaxRetries = 1);

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(Photo, CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.NetworkError, error.ErrorCode);
        Assert.Equal(2, error.Attempts);
        Assert.Contains("http://vendor.test/api/v1.0/deepfake", error.Message);
        Assert.Contains("Connection refused", error.Message);
    }

    [Fact]
    public async Task No_retries_means_one_attempt()
    {
        var stubs = new StubProviders();
        stubs.Handler.Then(HttpStatusCode.ServiceUnavailable, "");
        using var provider = stubs.Ooto(o => o.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(Photo, CheckOptions.Default));

        Assert.Equal(1, error.Attempts);
        Assert.Single(stubs.Handler.Requests);
    }

    [Fact]
    public async Task An_attempt_that_hangs_times_out_and_is_retried()
    {
        var stubs = new StubProviders();
        stubs.Handler.ThenHang().Then(HttpStatusCode.OK, OotoGenuine);
        using var provider = stubs.Ooto(o => { o.AttemptTimeout = TimeSpan.FromMinutes(5); o.TotalTimeout = TimeSpan.FromHours(1); });

        var check = provider.CheckAsync(Photo, CheckOptions.Default);
        await stubs.Handler.WaitForRequestAsync();
        stubs.Time.Advance(TimeSpan.FromMinutes(5));
        var result = await check.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.Equal(2, result.Attempts);
        Assert.Contains("no answer within 300000 ms", stubs.DiagnosticText);
    }

    [Fact]
    public async Task The_total_timeout_ends_the_check_as_a_timeout()
    {
        var stubs = new StubProviders();
        stubs.Handler.ThenHang().ThenHang();
        using var provider = stubs.Ooto(o => { o.AttemptTimeout = TimeSpan.FromMinutes(8); o.TotalTimeout = TimeSpan.FromMinutes(10); });

        var check = provider.CheckAsync(Photo, CheckOptions.Default);
        await stubs.Handler.WaitForRequestAsync();
        stubs.Time.Advance(TimeSpan.FromMinutes(8));
        await stubs.Handler.WaitForRequestAsync();
        stubs.Time.Advance(TimeSpan.FromMinutes(2));
        var error = await Assert.ThrowsAsync<DeepfakeException>(() => check.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(DeepfakeErrorCode.Timeout, error.ErrorCode);
        Assert.Equal(2, error.Attempts);
        Assert.Contains("within 10 min", error.Message);
    }

    [Fact]
    public async Task The_callers_cancellation_is_an_OperationCanceledException_and_not_retried()
    {
        var stubs = new StubProviders();
        stubs.Handler.ThenHang().Then(HttpStatusCode.OK, OotoGenuine);
        using var provider = stubs.Ooto();
        using var cts = new CancellationTokenSource();

        var check = provider.CheckAsync(Photo, CheckOptions.Default, cts.Token);
        await stubs.Handler.WaitForRequestAsync();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => check.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(stubs.Handler.Requests);
    }

    [Fact]
    public async Task Every_attempt_sends_a_fresh_complete_body()
    {
        var stubs = new StubProviders();
        stubs.Handler.Then(HttpStatusCode.BadGateway, "").Then(HttpStatusCode.BadGateway, "").Then(HttpStatusCode.OK, "{\"deepfake\":false,\"session_id\":\"s\"}");
        using var provider = stubs.Verihubs();

        await provider.CheckAsync(Photo, CheckOptions.Default);

        var bodies = stubs.Handler.Requests.Select(r => Convert.ToBase64String(r.Body)).ToList();
        Assert.Equal(3, bodies.Count);
        Assert.Single(bodies.Distinct());
        Assert.All(stubs.Handler.Requests, r => Assert.Equal(r.Body.Length, r.ContentLength));
    }

    [Fact]
    public async Task A_retried_image_url_is_named_in_diagnostics_without_its_query_values()
    {
        var stubs = new StubProviders();
        stubs.Handler.Then(HttpStatusCode.ServiceUnavailable, "", r => r.Headers.Add("Retry-After", "1")).Then(HttpStatusCode.OK, "{\"deepfake\":false,\"session_id\":\"s\"}");
        using var provider = stubs.Verihubs();

        var result = await provider.CheckAsync(DeepfakeInput.Parse("https://images.example/a.jpg?sig=s3cr3t-signature"), CheckOptions.Default);

        Assert.Equal(2, result.Attempts);
        Assert.Contains("Debug https://images.example/a.jpg?sig=REDACTED: retry 1 of 3", stubs.DiagnosticText);
        Assert.DoesNotContain("s3cr3t-signature", stubs.DiagnosticText);
    }
}
