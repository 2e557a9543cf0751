using System.IO;
using Deepfake.Batch;
using Deepfake.Commands.Engine;
using Deepfake.Credentials;
using Deepfake.Diagnostics;
using Deepfake.Providers;
using Deepfake.Sessions;
using Deepfake.Sandbox;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.Engine
{
    /// <summary>
    /// What Invoke-DeepfakeCheck and Get-DeepfakeQuality run beneath PowerShell, driven exactly as the cmdlets drive
    /// it (Add per accepted input, Complete at the end, everything written through an IBatchSink on the calling
    /// thread), against the sandbox over loopback.
    /// </summary>
    public sealed class CheckRunTests : IAsyncLifetime, IDisposable
    {
        private const string AppId = "ps-app";
        private const string AppKey = "ps-secret-key-0123456789";

        private readonly TempConfig _config = new TempConfig();
        private readonly MarkedImages _images = new MarkedImages();
        private SandboxServer _sandbox = null!;

        public async Task InitializeAsync()
        {
            _sandbox = await SandboxServer.StartAsync(new SandboxOptions { OotoAppId = AppId, OotoAppKey = AppKey });
            _config.Settings.SetEndpoint(ProviderKind.Ooto, _sandbox.BaseAddress, Deepfake.Configuration.SettingScope.Session);
        }

        public async Task DisposeAsync() => await _sandbox.DisposeAsync();

        public void Dispose()
        {
            _images.Dispose();
            _config.Dispose();
        }

        [Fact]
        public void Every_input_ends_as_exactly_one_result_or_one_failure_written_on_the_calling_thread()
        {
            _config.Credentials.Set(ProviderKind.Ooto, new ProviderCredential(AppId, AppKey), CredentialScope.Session);
            var genuine = _images.Write("genuine.jpg");
            var deepfake = _images.Write("deepfake.jpg", "outcome=deepfake");
            var noFace = _images.Write("noface.jpg", "outcome=noface");
            var flaky = _images.Write("flaky.jpg", "outcome=deepfake;fault=503:1");
            var down = _images.Write("down.jpg", "fault=reset:5");
            var missing = Path.Combine(_images.Folder, "missing.jpg");
            var sink = new RecordingSink();

            using (var run = Run(sink, new ProviderRequest { Provider = ProviderKind.Ooto, MaxConcurrency = 3, MaxRetries = 1 }))
            {
                foreach (var path in new[] { genuine, deepfake, noFace, flaky, down })
                {
                    run.Add(CheckRun.ExpandResolved(new[] { path }).Single());
                }

                run.Add(DeepfakeInput.FromFile(missing));
                run.Add(CheckRun.ExpandResolved(new[] { _images.Folder }).Single());
                run.Complete();
            }

            Assert.Equal(7, sink.Results.Count + sink.Failures.Count);
            Assert.Equal(DeepfakeStatus.Genuine, sink.Outcome(genuine).Result.Status);
            Assert.Equal(DeepfakeStatus.Deepfake, sink.Outcome(deepfake).Result.Status);
            Assert.Equal(DeepfakeStatus.Deepfake, sink.Outcome(flaky).Result.Status);
            Assert.Equal(DeepfakeErrorCode.NoFace, sink.Outcome(noFace).Result.ErrorCode);
            Assert.Contains(sink.Outcome(noFace), sink.Results); // about the image: an output object, not an error

            var notFound = sink.Outcome(missing);
            Assert.Contains(notFound, sink.Failures);
            Assert.Equal(DeepfakeErrorCode.FileNotFound, notFound.Error!.ErrorCode);
            Assert.Equal(ErrorCategoryName.ObjectNotFound, notFound.Error.ErrorCode.ToCategory());

            Assert.Equal(DeepfakeErrorCode.NetworkError, sink.Outcome(down).Error!.ErrorCode);
            Assert.Equal(ErrorCategoryName.ConnectionError, sink.Outcome(down).Error!.ErrorCode.ToCategory());

            var directory = sink.Outcome(_images.Folder);
            Assert.Equal(DeepfakeErrorCode.InvalidInput, directory.Error!.ErrorCode);
            Assert.Contains(CheckRun.DirectoryHint, directory.Error.Message);

            var last = sink.Progress.Last();
            Assert.True(last.InputComplete);
            Assert.Equal(7, last.Completed);
            Assert.Equal(100.0, last.PercentComplete);
            Assert.All(sink.WritingThreads, id => Assert.Equal(sink.ThreadId, id));
        }

        [Fact]
        public void A_refused_credential_stops_the_run_instead_of_failing_every_item()
        {
            var sink = new RecordingSink();
            var request = new ProviderRequest { Provider = ProviderKind.Ooto, Credential = new ProviderCredential(AppId, "wrong-key-9876543210") };

            using var run = Run(sink, request);
            var stopped = Assert.Throws<DeepfakeException>(() =>
            {
                run.Add(DeepfakeInput.FromFile(_images.Write("a.jpg")));
                run.Add(DeepfakeInput.FromFile(_images.Write("b.jpg")));
                run.Complete();
            });

            Assert.Equal(DeepfakeErrorCode.Unauthorized, stopped.ErrorCode);
            Assert.Empty(sink.Results);
            Assert.DoesNotContain(sink.Failures, f => f.Error!.ErrorCode == DeepfakeErrorCode.Unauthorized);
        }

        [Fact]
        public void A_missing_credential_stops_before_anything_is_sent()
        {
            var sink = new RecordingSink();
            using var run = Run(sink, new ProviderRequest { Provider = ProviderKind.Ooto });

            var stopped = Assert.Throws<DeepfakeException>(() => run.Add(DeepfakeInput.FromFile(_images.Write("a.jpg"))));

            Assert.Equal(DeepfakeErrorCode.Unauthorized, stopped.ErrorCode);
            Assert.Contains("Set-DeepfakeCredential", stopped.Message);
            Assert.Equal(0, _sandbox.Stats.RequestCount("ooto"));
        }

        [Fact]
        public void Without_an_accepted_input_no_provider_is_built_and_nothing_is_sent()
        {
            // -WhatIf declines every input: the run still says where they would have gone.
            var sink = new RecordingSink();
            using (var run = Run(sink, new ProviderRequest { Provider = ProviderKind.Ooto }))
            {
                Assert.Equal("Ooto at " + _sandbox.BaseAddress, run.Destination());
                run.Complete();
                Assert.Null(run.Info);
            }

            Assert.Empty(sink.Results);
            Assert.Empty(sink.Failures);
            Assert.Equal(0, _sandbox.Stats.RequestCount("ooto"));
        }

        [Fact]
        public void Verbose_and_debug_say_what_goes_where_and_never_show_the_key()
        {
            _config.Variables["DEEPFAKE_OOTO_APP_ID"] = AppId;
            _config.Variables["DEEPFAKE_OOTO_APP_KEY"] = AppKey;
            var sink = new RecordingSink();

            using (var run = Run(sink, new ProviderRequest { Provider = ProviderKind.Ooto, DiagnosticDetail = DiagnosticLevel.Debug }))
            {
                run.Add(DeepfakeInput.FromFile(_images.Write("a.jpg", "fault=429:1")));
                run.Complete();
            }

            Assert.Single(sink.Results);
            Assert.Contains(sink.Diagnostics, d => d.Level == DiagnosticLevel.Verbose && d.Message.Contains(_sandbox.BaseAddress.Authority));
            Assert.Contains(sink.Diagnostics, d => d.Message.Contains("DEEPFAKE_OOTO_APP_ID"));
            Assert.Contains(sink.Diagnostics, d => d.Level == DiagnosticLevel.Debug);
            Assert.All(sink.Diagnostics, d => Assert.DoesNotContain(AppKey, d.Message));
            Assert.DoesNotContain(AppKey, sink.Results.Single().Result.RawResponse ?? string.Empty);
        }

        [Fact]
        public void The_quality_cmdlet_refuses_a_provider_that_does_not_measure_quality()
        {
            using var run = Run(
                new RecordingSink(),
                new ProviderRequest { Provider = ProviderKind.Local },
                new CheckOptions { IncludeQuality = true },
                info => info.ReturnsQuality ? null : info.Name + " does not measure image quality.");
            var refused = Assert.Throws<DeepfakeException>(() => run.Add(DeepfakeInput.FromFile(_images.Write("a.jpg"))));

            Assert.Equal(DeepfakeErrorCode.InvalidRequest, refused.ErrorCode);
            Assert.Contains("Local", refused.Message);
        }

        [Fact]
        public void A_low_quality_photo_reads_as_a_report_that_is_not_acceptable()
        {
            _config.Credentials.Set(ProviderKind.Ooto, new ProviderCredential(AppId, AppKey), CredentialScope.Session);
            var sink = new RecordingSink();
            var good = _images.Write("good.jpg");
            var blurred = _images.Write("blurred.jpg", "outcome=lowquality");

            using (var run = Run(sink, new ProviderRequest { Provider = ProviderKind.Ooto }, new CheckOptions { IncludeQuality = true }))
            {
                run.Add(DeepfakeInput.FromFile(good));
                run.Add(DeepfakeInput.FromFile(blurred));
                run.Complete();
            }

            var goodReport = QualityReport.FromResult(sink.Outcome(good).Result);
            var blurredReport = QualityReport.FromResult(sink.Outcome(blurred).Result);
            Assert.True(goodReport.IsAcceptable, goodReport.ToString());
            Assert.False(blurredReport.IsAcceptable);
            Assert.Contains("blur", blurredReport.FailedChecks);
        }

        [Fact]
        public void Stop_cancels_the_requests_in_flight()
        {
            _config.Credentials.Set(ProviderKind.Ooto, new ProviderCredential(AppId, AppKey), CredentialScope.Session);
            var sink = new RecordingSink();
            using var run = Run(sink, new ProviderRequest { Provider = ProviderKind.Ooto, MaxConcurrency = 2 });
            run.Add(DeepfakeInput.FromFile(_images.Write("slow1.jpg", "latency=600000")));
            run.Add(DeepfakeInput.FromFile(_images.Write("slow2.jpg", "latency=600000")));

            // As PowerShell calls StopProcessing: from another thread, while the pipeline thread waits in Complete.
            var completing = Task.Run(() =>
            {
                try
                {
                    run.Complete();
                }
                catch (OperationCanceledException)
                {
                    // What the cmdlet turns into PipelineStoppedException.
                }
            });
            run.Stop();

            // A guard against a hang, not a timing assertion: the latency is ten minutes.
            Assert.True(completing.Wait(TimeSpan.FromSeconds(60)), "Complete did not return after Stop");
            Assert.Empty(sink.Results);
            Assert.All(sink.Failures, f => Assert.Equal(DeepfakeErrorCode.Cancelled, f.Error!.ErrorCode));
        }

        private CheckRun Run(RecordingSink sink, ProviderRequest request, CheckOptions? options = null, Func<ProviderInfo, string?>? unsuitable = null) =>
            new CheckRun(request, options ?? CheckOptions.Default, unsuitable, sink, _config.Settings, _config.Credentials);
    }
}
