using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;
using Deepfake.Batch;
using Deepfake.Cli.Checking;
using Deepfake.Cli.Output;
using Deepfake.Configuration;
using Deepfake.Http;
using Deepfake.Providers;

namespace Deepfake.Cli
{
    /// <summary>
    /// The command-line surface: names, help text and validation. Scripts depend on these names, so they change
    /// only with a deprecation. What each command does lives in its own class.
    /// </summary>
    internal static class CommandLine
    {
        public const string FormatHelp = "Default: table on a terminal, jsonl (one JSON object per line, as items finish) when stdout is redirected or piped.";

        public static RootCommand Build(Terminal terminal)
        {
            var root = new RootCommand(
                "Tells whether face photos are genuine or deepfakes, with OOTO, Verihubs or the offline Local provider.\n\n" +
                ExitCodes.HelpText + "\n\n" +
                "Environment: DEEPFAKE_OOTO_APP_ID, DEEPFAKE_OOTO_APP_KEY, DEEPFAKE_VERIHUBS_APP_ID, DEEPFAKE_VERIHUBS_API_KEY,\n" +
                "DEEPFAKE_OOTO_ENDPOINT, DEEPFAKE_VERIHUBS_ENDPOINT, DEEPFAKE_CONFIG_DIR (where the credential store and settings live).");
            root.Subcommands.Add(BuildCheck("check", CheckKind.Verdict, terminal));
            root.Subcommands.Add(BuildCheck("quality", CheckKind.Quality, terminal));
            root.Subcommands.Add(ProvidersCommand.Build(terminal));
            root.Subcommands.Add(Credentials.CredentialCommands.Build(terminal));
            return root;
        }

        private static Command BuildCheck(string name, CheckKind kind, Terminal terminal)
        {
            var description = kind == CheckKind.Verdict
                ? "Check images for deepfakes. Every input appears exactly once in the output, failures included (status 'failed')."
                : "Measure the image quality of the face in each image (OOTO or Verihubs). Exit code 1 means at least one image of poor quality.";
            var command = new Command(name, description + "\n\n" + ExitCodes.HelpText);

            var inputs = new Argument<string[]>("input")
            {
                Description = "Image files, directories (with --recurse), glob patterns, or http/https URLs.",
                Arity = ArgumentArity.OneOrMore,
            };
            inputs.Validators.Add(RejectUnknownOptions);
            var provider = ProviderOption();
            var endpoint = EndpointOption();
            var threshold = new Option<double?>("--threshold")
            {
                Description = "Score in [0,1] at or above which an OOTO result counts as genuine (replaces the provider's own decision).",
                HelpName = "0..1",
            };
            threshold.Validators.Add(r => Range(r, r.GetValueOrDefault<double?>(), 0, 1, "--threshold"));
            var throttle = new Option<int?>("--throttle") { Description = "How many images to check at once (default " + BatchOptions.DefaultMaxConcurrency + ").", HelpName = "n" };
            throttle.Validators.Add(r => Range(r, r.GetValueOrDefault<int?>(), 1, 64, "--throttle"));
            var timeout = new Option<double?>("--timeout") { Description = "Seconds to wait for each HTTP attempt (default " + HttpProviderOptions.DefaultAttemptTimeout.TotalSeconds + ").", HelpName = "seconds" };
            timeout.Validators.Add(r => Range(r, r.GetValueOrDefault<double?>(), 0.1, 3600, "--timeout"));
            var retries = new Option<int?>("--retries") { Description = "Retries after a throttled, failed or broken request (default " + HttpProviderOptions.DefaultMaxRetries + "; each retry may be billed).", HelpName = "n" };
            retries.Validators.Add(r => Range(r, r.GetValueOrDefault<int?>(), 0, 10, "--retries"));
            var quality = new Option<bool>("--quality") { Description = "Ask for image quality (OOTO always returns it)." };
            var attributes = new Option<bool>("--attributes") { Description = "Ask for face attributes: sunglasses, mask, veil, hat (Verihubs)." };
            var validateQuality = new Option<bool>("--validate-quality") { Description = "Have the provider reject images of poor quality (implies --quality)." };
            var validateAttributes = new Option<bool>("--validate-attributes") { Description = "Have the provider reject faces with covering attributes (implies --attributes)." };
            var recurse = new Option<bool>("--recurse", "-r") { Description = "Descend into directories given as inputs (without it, a directory is reported as failed)." };
            var format = new Option<OutputFormat?>("--format", "-f") { Description = FormatHelp, HelpName = "table|json|jsonl|csv" };
            var verbose = VerboseOption();

            command.Arguments.Add(inputs);
            foreach (var option in new Option[] { provider, endpoint, threshold, throttle, timeout, retries })
            {
                command.Options.Add(option);
            }

            if (kind == CheckKind.Verdict)
            {
                command.Options.Add(quality);
            }

            foreach (var option in new Option[] { attributes, validateQuality, validateAttributes, recurse, format, verbose })
            {
                command.Options.Add(option);
            }

            command.SetAction((parse, ct) =>
            {
                var includeQuality = kind == CheckKind.Quality || parse.GetValue(quality) || parse.GetValue(validateQuality);
                var settings = new CheckSettings
                {
                    Kind = kind,
                    Inputs = parse.GetValue(inputs) ?? Array.Empty<string>(),
                    Provider = parse.GetValue(provider),
                    Endpoint = parse.GetValue(endpoint),
                    Options = new CheckOptions
                    {
                        Threshold = parse.GetValue(threshold),
                        IncludeQuality = includeQuality,
                        IncludeAttributes = parse.GetValue(attributes) || parse.GetValue(validateAttributes),
                        ValidateQuality = parse.GetValue(validateQuality),
                        ValidateAttributes = parse.GetValue(validateAttributes),
                    },
                    Throttle = parse.GetValue(throttle),
                    Timeout = parse.GetValue(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                    Retries = parse.GetValue(retries),
                    Recurse = parse.GetValue(recurse),
                    Verbose = parse.GetValue(verbose),
                    Format = parse.GetValue(format),
                };
                return new CheckCommand(settings, terminal).RunAsync(ct);
            });
            return command;
        }

        public static Option<ProviderKind?> ProviderOption() => new("--provider", "-p")
        {
            Description = "local (offline, no account), ooto or verihubs. Default: the configured one, else the first vendor with a credential, else local.",
            HelpName = "local|ooto|verihubs",
        };

        public static Option<bool> VerboseOption() => new("--verbose", "-v")
        {
            Description = "Write diagnostics (requests, retries, timings; keys redacted) to stderr.",
        };

        private static Option<Uri?> EndpointOption()
        {
            var endpoint = new Option<Uri?>("--endpoint")
            {
                Description = "The provider's base URL (scheme, host, port); the documented API path is appended. Overrides DEEPFAKE_OOTO_ENDPOINT / DEEPFAKE_VERIHUBS_ENDPOINT.",
                HelpName = "base-url",
                CustomParser = r =>
                {
                    try
                    {
                        return DeepfakeSettings.ParseEndpoint(r.Tokens.Single().Value, "--endpoint");
                    }
                    catch (DeepfakeException e)
                    {
                        r.AddError(e.Message);
                        return null;
                    }
                },
            };
            return endpoint;
        }

        // System.CommandLine passes a token it does not know as an argument, so a misspelt option would be checked
        // as a missing file. A token that looks like an option and names nothing on disk is a usage error instead.
        private static void RejectUnknownOptions(ArgumentResult result)
        {
            foreach (var token in result.Tokens)
            {
                var text = token.Value;
                if (text.Length > 1 && text[0] == '-' && !System.IO.File.Exists(text) && !System.IO.Directory.Exists(text))
                {
                    result.AddError("Unknown option '" + text + "'. (To check a file whose name starts with '-', write ./" + text + ".)");
                }
            }
        }

        private static void Range<T>(OptionResult result, T? value, T min, T max, string name)
            where T : struct, IComparable<T>
        {
            if (value is { } v && (v.CompareTo(min) < 0 || v.CompareTo(max) > 0))
            {
                result.AddError(FormattableString.Invariant($"{name} must be between {min} and {max} (got {v})."));
            }
        }
    }
}
