namespace Deepfake.Tests.Model
{
    public sealed class QualityReportTests
    {
        [Fact]
        public void Failed_metrics_and_objects_on_the_face_are_the_failed_checks()
        {
            var result = new DeepfakeResult
            {
                Source = "a.jpg",
                Status = DeepfakeStatus.Genuine,
                Quality = new FaceQuality(null, null, null, new[] { new QualityMetric("blur", 0.8, false), new QualityMetric("dark", null, true) }),
                Attributes = new FaceAttributes(sunglasses: true, mask: false, veil: null, hat: true, faceBlocker: null),
            };

            var report = QualityReport.FromResult(result);

            Assert.False(report.IsAcceptable);
            Assert.Equal(new[] { "blur", "Sunglasses", "Hat" }, report.FailedChecks);
            Assert.Equal("a.jpg: failed blur, Sunglasses, Hat", report.ToString());
        }

        [Fact]
        public void A_photo_with_every_metric_fine_is_acceptable()
        {
            var report = QualityReport.FromResult(new DeepfakeResult
            {
                Source = "a.jpg",
                Quality = new FaceQuality(1, 2, 3, new[] { new QualityMetric("blur", 0.1, true) }),
            });

            Assert.True(report.IsAcceptable);
            Assert.Empty(report.FailedChecks);
        }

        [Fact]
        public void A_refused_image_names_why()
        {
            var report = QualityReport.FromResult(new DeepfakeResult { Source = "a.jpg", Status = DeepfakeStatus.Rejected, ErrorCode = DeepfakeErrorCode.NoFace });

            Assert.False(report.IsAcceptable);
            Assert.Equal(new[] { "NoFace" }, report.FailedChecks);
        }

        [Fact]
        public void A_failed_quality_gate_is_explained_by_its_metrics_not_repeated()
        {
            var report = QualityReport.FromResult(new DeepfakeResult
            {
                Source = "a.jpg",
                Status = DeepfakeStatus.Rejected,
                ErrorCode = DeepfakeErrorCode.QualityRejected,
                Quality = new FaceQuality(null, null, null, new[] { new QualityMetric("dark", null, false) }),
            });

            Assert.Equal(new[] { "dark" }, report.FailedChecks);
        }

        [Fact]
        public void No_quality_in_an_accepted_result_is_not_acceptable()
        {
            var report = QualityReport.FromResult(new DeepfakeResult { Source = "a.jpg", Status = DeepfakeStatus.Genuine });

            Assert.False(report.IsAcceptable);
            Assert.Equal(new[] { QualityReport.QualityNotReported }, report.FailedChecks);
        }
    }
}
