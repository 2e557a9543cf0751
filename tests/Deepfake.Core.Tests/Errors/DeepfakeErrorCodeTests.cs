namespace Deepfake.Tests.Errors;

public sealed class DeepfakeErrorCodeTests
{
    [Theory]
    [InlineData(DeepfakeErrorCode.NoFace, DeepfakeStatus.Rejected)]
    [InlineData(DeepfakeErrorCode.QualityRejected, DeepfakeStatus.Rejected)]
    [InlineData(DeepfakeErrorCode.EmptyImage, DeepfakeStatus.Rejected)]
    [InlineData(DeepfakeErrorCode.FileNotFound, DeepfakeStatus.Failed)]
    [InlineData(DeepfakeErrorCode.NetworkError, DeepfakeStatus.Failed)]
    [InlineData(DeepfakeErrorCode.Unauthorized, DeepfakeStatus.Failed)]
    public void Codes_about_the_image_reject_it_and_the_rest_fail_the_item(DeepfakeErrorCode code, DeepfakeStatus expected)
    {
        Assert.Equal(expected, code.ToStatus());
    }

    [Fact]
    public void Only_credential_and_quota_errors_stop_a_batch()
    {
        var stopping = Enum.GetValues<DeepfakeErrorCode>().Where(c => c.StopsBatch()).ToArray();

        Assert.Equal(new[] { DeepfakeErrorCode.Unauthorized, DeepfakeErrorCode.QuotaExceeded }, stopping);
    }

    [Fact]
    public void Every_failure_code_has_a_category_other_than_not_specified()
    {
        var unspecified = Enum.GetValues<DeepfakeErrorCode>()
            .Where(c => c != DeepfakeErrorCode.ProviderError && c.ToCategory() == ErrorCategoryName.NotSpecified);

        Assert.Empty(unspecified);
    }

    [Fact]
    public void A_result_made_from_an_error_keeps_the_providers_code_beside_ours()
    {
        var error = new DeepfakeException(DeepfakeErrorCode.NoFace, "can not detect face")
        {
            ProviderCode = "5",
            HttpStatus = 400,
            TransactionId = "efb66e50",
            Attempts = 1,
        };

        var result = DeepfakeResult.FromError("a.jpg", "Ooto", error);

        Assert.Equal(DeepfakeStatus.Rejected, result.Status);
        Assert.Equal(DeepfakeErrorCode.NoFace, result.ErrorCode);
        Assert.Equal("5", result.ProviderCode);
        Assert.Equal(400, result.HttpStatus);
        Assert.Equal("efb66e50", result.TransactionId);
        Assert.Equal("a.jpg: Rejected (NoFace)", result.ToString());
    }
}
