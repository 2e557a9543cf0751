using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using Deepfake.Ooto;

namespace Deepfake.Tests.Http;

/// <summary>
/// How an image URL's download (OOTO takes uploads only) is retried and classified, on a fake clock with a stand-in
/// server for the edge cases; the sandbox tests prove the same over real loopback.
/// </summary>
public sealed class ImageDownloadRetryTests
{
    private const string OotoGenuine = """{"transactionId":"t","result":{"deepfake":{"score":0.97,"fine":true}}}""";
    private const string Url = "http://img.test/photos/a.jpg";
    private static readonly byte[] Jpeg = File.ReadAllBytes(TestFiles.JpegFixture);

    private static void Image(HttpResponseMessage response) =>
        response.Content = new ByteArrayContent(Jpeg) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } };

    private static OotoProvider Provider(StubProviders stubs, Action<OotoOptions>? configure = null) =>
        stubs.Ooto(o =>
        {
            // Above the fake clock's auto-advance, so only retry waits pass by themselves.
            o.DownloadTimeout = TimeSpan.FromMinutes(10);
            configure?.Invoke(o);
        });

    private static int Downloads(StubProviders stubs) => stubs.Handler.Requests.Count(r => r.Method == HttpMethod.Get && r.Uri.Host == "img.test");

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout, DeepfakeErrorCode.Timeout, "timed out")]
    [InlineData(HttpStatusCode.TooManyRequests, DeepfakeErrorCode.RateLimited, "throttling")]
    [InlineData(HttpStatusCode.InternalServerError, DeepfakeErrorCode.ServerError, "try again later")]
    [InlineData(HttpStatusCode.BadGateway, DeepfakeErrorCode.ServerError, "try again later")]
    [InlineData(HttpStatusCode.ServiceUnavailable, DeepfakeErrorCode.ServerError, "try again later")]
    [InlineData(HttpStatusCode.GatewayTimeout, DeepfakeErrorCode.ServerError, "try again later")]
    public async Task Transient_statuses_are_retried_up_to_max_retries_then_fail_with_their_own_code(HttpStatusCode status, DeepfakeErrorCode expected, string advice)
    {
        var stubs = new StubProviders();
        for (var i = 0; i < 4; i++)
        {
            stubs.Handler.Then(status, "");
        }

        using var provider = Provider(stubs);

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.Parse(Url), CheckOptions.Default));

        Assert.Equal(expected, error.ErrorCode);
        Assert.Equal(4, error.Attempts);
        Assert.Equal((int)status, error.HttpStatus);
        Assert.Equal(Url, error.InputSource);
        Assert.Contains($"Downloading '{Url}' failed: the server answered HTTP {(int)status}", error.Message);
        Assert.Contains("(4 attempts)", error.Message);
        Assert.Contains(advice, error.Message);
        Assert.DoesNotContain("Check the URL", error.Message);
        Assert.Equal(4, Downloads(stubs));
        Assert.Equal(4, stubs.Handler.Requests.Count);
        Assert.Contains($"download of '{Url}': retry 3 of 3", stubs.DiagnosticText);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, DeepfakeErrorCode.InvalidInput, "Check the URL")]
    [InlineData(HttpStatusCode.Unauthorized, DeepfakeErrorCode.InvalidInput, "Check the URL")]
    [InlineData(HttpStatusCode.Forbidden, DeepfakeErrorCode.InvalidInput, "Check the URL")]
    [InlineData(HttpStatusCode.NotFound, DeepfakeErrorCode.InvalidInput, "Check the URL")]
    [InlineData(HttpStatusCode.Gone, DeepfakeErrorCode.InvalidInput, "Check the URL")]
    [InlineData(HttpStatusCode.NotImplemented, DeepfakeErrorCode.ServerError, "try again later")]
    public async Task Other_statuses_are_not_retried(HttpStatusCode status, DeepfakeErrorCode expected, string advice)
    {
        var stubs = new StubProviders();
        stubs.Handler.Then(status, "");
        using var provider = Provider(stubs);

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.Parse(Url), CheckOptions.Default));

        Assert.Equal(expected, error.ErrorCode);
        Assert.Contains($"the server answered HTTP {(int)status}", error.Message);
        Assert.Contains(advice, error.Message);
        Assert.Equal(1, error.Attempts);
        Assert.Single(stubs.Handler.Requests);
        Assert.DoesNotContain("retry", stubs.DiagnosticText);
    }

    [Fact]
    public async Task A_host_that_recovers_within_the_budget_gets_its_image_checked_and_every_attempt_counted()
    {
        var stubs = new StubProviders();
        stubs.Handler.Then(HttpStatusCode.ServiceUnavailable, "").Then(HttpStatusCode.BadGateway, "").Then(HttpStatusCode.OK, "", Image).Then(HttpStatusCode.OK, OotoGenuine);
        using var provider = Provider(stubs);

        var result = await provider.CheckAsync(DeepfakeInput.Parse(Url), CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.Equal(4, result.Attempts);
        Assert.Equal(3, Downloads(stubs));
        Assert.True(stubs.Handler.Requests[3].Body.AsSpan().IndexOf(Jpeg) >= 0, "the upload carries the downloaded bytes");
        Assert.Equal(2, stubs.Time.AutoAdvancedDelays.Count);
        Assert.Contains($"GET {Url} -> 503", stubs.DiagnosticText);
        Assert.Contains($"GET {Url} -> 200", stubs.DiagnosticText);
        Assert.Contains("attempt 3", stubs.DiagnosticText);
    }

    [Fact]
    public async Task Download_and_upload_each_get_the_whole_budget()
    {
        var stubs = new StubProviders();
        for (var i = 0; i < 3; i++)
        {
            stubs.Handler.Then(HttpStatusCode.ServiceUnavailable, "");
        }

        stubs.Handler.Then(HttpStatusCode.OK, "", Image);
        for (var i = 0; i < 3; i++)
        {
            stubs.Handler.Then(HttpStatusCode.ServiceUnavailable, "");
        }

        stubs.Handler.Then(HttpStatusCode.OK, OotoGenuine);
        using var provider = Provider(stubs);

        var result = await provider.CheckAsync(DeepfakeInput.Parse(Url), CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.Equal(8, result.Attempts);
    }

    [Fact]
    public async Task Downloads_back_off_exactly_like_vendor_calls()
    {
        void Configure(OotoOptions o)
        {
            o.MaxRetries = 5;
            o.RetryBaseDelay = TimeSpan.FromSeconds(2);
            o.RetryMaxDelay = TimeSpan.FromSeconds(9);
        }

        var vendor = new StubProviders();
        var download = new StubProviders();
        for (var i = 0; i < 6; i++)
        {
            vendor.Handler.Then(HttpStatusCode.InternalServerError, "");
            download.Handler.Then(HttpStatusCode.InternalServerError, "");
        }

        using (var provider = Provider(vendor, Configure))
        {
            await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.FromFile(TestFiles.JpegFixture), CheckOptions.Default));
        }

        using (var provider = Provider(download, Configure))
        {
            await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.Parse(Url), CheckOptions.Default));
        }

        Assert.Equal(5, download.Time.AutoAdvancedDelays.Count);
        Assert.Equal(vendor.Time.AutoAdvancedDelays, download.Time.AutoAdvancedDelays);
        Assert.All(download.Time.AutoAdvancedDelays, d => Assert.InRange(d, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(9)));
    }

    [Fact]
    public async Task Retry_after_seconds_replaces_the_backoff()
    {
        var stubs = new StubProviders();
        stubs.Handler.Then(HttpStatusCode.ServiceUnavailable, "", r => r.Headers.Add("Retry-After", "7")).Then(HttpStatusCode.OK, "", Image).Then(HttpStatusCode.OK, OotoGenuine);
        using var provider = Provider(stubs);

        var result = await provider.CheckAsync(DeepfakeInput.Parse(Url), CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.Equal(new[] { TimeSpan.FromSeconds(7) }, stubs.Time.AutoAdvancedDelays);
        Assert.Contains($"download of '{Url}': retry 1 of 3 in 7000 ms after ServerError (HTTP 503)", stubs.DiagnosticText);
        Assert.Contains(stubs.Diagnostics, d => d.Level == Deepfake.Diagnostics.DiagnosticLevel.Debug && d.Message.Contains("retry 1 of 3"));
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_waits_until_that_date_on_the_injected_clock()
    {
        var stubs = new StubProviders();
        var at = stubs.Time.GetUtcNow().AddSeconds(42).ToString("r");
        stubs.Handler.Then(HttpStatusCode.TooManyRequests, "", r => r.Headers.Add("Retry-After", at)).Then(HttpStatusCode.OK, "", Image).Then(HttpStatusCode.OK, OotoGenuine);
        using var provider = Provider(stubs);

        var result = await provider.CheckAsync(DeepfakeInput.Parse(Url), CheckOptions.Default);

        Assert.Equal(3, result.Attempts);
        Assert.Equal(new[] { TimeSpan.FromSeconds(42) }, stubs.Time.AutoAdvancedDelays);
    }

    [Fact]
    public async Task A_retry_after_past_the_download_timeout_is_not_waited_for()
    {
        var stubs = new StubProviders();
        stubs.Handler.Then(HttpStatusCode.TooManyRequests, "", r => r.Headers.Add("Retry-After", "600"));
        using var provider = Provider(stubs, o => o.DownloadTimeout = TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.Parse(Url), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.RateLimited, error.ErrorCode);
        Assert.Equal(1, error.Attempts);
        Assert.Single(stubs.Handler.Requests);
        Assert.Empty(stubs.Time.AutoAdvancedDelays);
        Assert.Contains("not retrying: Retry-After 600 s would pass the total timeout", stubs.DiagnosticText);
    }

    [Fact]
    public async Task Lost_connections_are_retried_then_fail_as_network_errors()
    {
        var stubs = new StubProviders();
        for (var i = 0; i < 4; i++)
        {
            stubs.Handler.ThenThrow(new HttpRequestException("Connection reset by peer"));
        }

        using var provider = Provider(stubs);

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.Parse(Url), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.NetworkError, error.ErrorCode);
        Assert.Equal(4, error.Attempts);
        Assert.Contains(Url, error.Message);
        Assert.Contains("Connection reset by peer", error.Message);
        Assert.Contains("4 attempts", error.Message);
        Assert.Equal(4, Downloads(stubs));
    }

    [Fact]
    public async Task A_body_cut_short_is_retried()
    {
        var stubs = new StubProviders();
        stubs.Handler
            .Then(HttpStatusCode.OK, "", r => r.Content = new StreamContent(new CutStream(Jpeg, 1000)) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } })
            .Then(HttpStatusCode.OK, "", Image)
            .Then(HttpStatusCode.OK, OotoGenuine);
        using var provider = Provider(stubs);

        var result = await provider.CheckAsync(DeepfakeInput.Parse(Url), CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.Equal(3, result.Attempts);
        Assert.Contains("NetworkError (the connection broke while the image was being read", stubs.DiagnosticText);
        Assert.Contains("retry 1 of 3", stubs.DiagnosticText);
    }

    [Theory]
    [InlineData("text/html", "<html>captive portal</html>", DeepfakeErrorCode.UnsupportedMediaType)]
    [InlineData("image/jpeg", "not a jpeg at all", DeepfakeErrorCode.UnsupportedMediaType)]
    [InlineData("image/jpeg", "", DeepfakeErrorCode.EmptyImage)]
    public async Task What_is_not_an_image_is_refused_at_once(string contentType, string body, DeepfakeErrorCode expected)
    {
        var stubs = new StubProviders();
        stubs.Handler.Then(HttpStatusCode.OK, "", r => r.Content = new StringContent(body) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } });
        using var provider = Provider(stubs);

        var result = await provider.CheckAsync(DeepfakeInput.Parse(Url), CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Rejected, result.Status);
        Assert.Equal(expected, result.ErrorCode);
        Assert.Equal(1, result.Attempts);
        Assert.Single(stubs.Handler.Requests);
    }

    [Fact]
    public async Task An_image_over_the_size_cap_is_refused_at_once()
    {
        var stubs = new StubProviders();
        stubs.Handler.Then(HttpStatusCode.OK, "", Image);
        using var provider = Provider(stubs, o => o.MaxImageBytes = 1000);

        var result = await provider.CheckAsync(DeepfakeInput.Parse(Url), CheckOptions.Default);

        Assert.Equal(DeepfakeErrorCode.ImageTooLarge, result.ErrorCode);
        Assert.Single(stubs.Handler.Requests);
    }

    [Fact]
    public async Task A_hung_attempt_is_cut_at_the_attempt_timeout_and_asked_again()
    {
        var stubs = new StubProviders();
        stubs.Handler.ThenHang().Then(HttpStatusCode.OK, "", Image).Then(HttpStatusCode.OK, OotoGenuine);
        using var provider = Provider(stubs, o => o.AttemptTimeout = TimeSpan.FromMinutes(2));

        var check = provider.CheckAsync(DeepfakeInput.Parse(Url), CheckOptions.Default);
        await stubs.Handler.WaitForRequestAsync();
        stubs.Time.Advance(TimeSpan.FromMinutes(2));
        var result = await check;

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.Equal(3, result.Attempts);
        Assert.Contains("no answer (timed out)", stubs.DiagnosticText);
        Assert.Contains("retry 1 of 3", stubs.DiagnosticText);
    }

    [Fact]
    public async Task The_download_timeout_covers_every_attempt_and_the_waits_between_them()
    {
        var stubs = new StubProviders();
        stubs.Handler.ThenHang().ThenHang();
        using var provider = Provider(stubs, o => { o.AttemptTimeout = TimeSpan.FromMinutes(2); o.DownloadTimeout = TimeSpan.FromMinutes(3); });

        var check = provider.CheckAsync(DeepfakeInput.Parse(Url), CheckOptions.Default);
        await stubs.Handler.WaitForRequestAsync();
        stubs.Time.Advance(TimeSpan.FromMinutes(2));
        await stubs.Handler.WaitForRequestAsync();
        stubs.Time.Advance(TimeSpan.FromMinutes(1));
        var error = await Assert.ThrowsAsync<DeepfakeException>(() => check);

        Assert.Equal(DeepfakeErrorCode.Timeout, error.ErrorCode);
        Assert.Equal(2, error.Attempts);
        Assert.Contains($"Downloading '{Url}' did not finish within 3 min (2 attempts)", error.Message);
        Assert.Equal(2, stubs.Handler.Requests.Count);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_retried_nor_reported_as_a_failure()
    {
        var stubs = new StubProviders();
        stubs.Handler.ThenHang();
        using var provider = Provider(stubs);
        using var cts = new CancellationTokenSource();

        var check = provider.CheckAsync(DeepfakeInput.Parse(Url), CheckOptions.Default, cts.Token);
        await stubs.Handler.WaitForRequestAsync();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => check);
        Assert.Single(stubs.Handler.Requests);
        Assert.DoesNotContain("retry", stubs.DiagnosticText);
    }

    [Fact]
    public async Task Query_values_of_a_signed_url_never_reach_messages_or_diagnostics()
    {
        const string signed = "http://img.test/a.jpg?sig=s3cr3t-SIGNATURE&exp=99";
        var stubs = new StubProviders();
        for (var i = 0; i < 4; i++)
        {
            stubs.Handler.Then(HttpStatusCode.ServiceUnavailable, "");
        }

        using var provider = Provider(stubs);

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.Parse(signed), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.ServerError, error.ErrorCode);
        Assert.Contains("http://img.test/a.jpg?sig=REDACTED&exp=REDACTED", error.Message);
        Assert.DoesNotContain("s3cr3t", error.Message);
        Assert.DoesNotContain("s3cr3t", stubs.DiagnosticText);
        Assert.Contains("retry 3 of 3", stubs.DiagnosticText);
    }

    /// <summary>A body whose connection drops after <c>keep</c> bytes.</summary>
    private sealed class CutStream(byte[] bytes, int keep) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= keep)
            {
                throw new IOException("The response ended prematurely.");
            }

            var n = Math.Min(count, keep - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
