using System;
using System.Net;
using Deepfake.Credentials;
using Deepfake.Diagnostics;

namespace Deepfake.Http
{
    /// <summary>
    /// What every vendor client shares: where to send, with which credential, how long to wait, how often to retry,
    /// and how to connect. Set it up once; the provider copies the values when it is created, so later changes to
    /// an options object do not reach a provider already built.
    /// </summary>
    /// <remarks>
    /// A retried call may be billed twice: when an answer is lost (a timeout, a broken connection, a 5xx or an
    /// unreadable body) the vendor may already have counted the request. Set <see cref="MaxRetries"/> to 0 where a
    /// double charge matters more than a transient failure.
    /// </remarks>
    public abstract class HttpProviderOptions
    {
        public const int DefaultMaxRetries = 3;
        public const int MaxRetriesLimit = 10;
        public const int DefaultMaxConnections = 8;
        public const int MaxConnectionsLimit = 256;
        public const long MaxImageBytesLimit = 100L * 1024 * 1024;

        public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(30);
        public static readonly TimeSpan DefaultTotalTimeout = TimeSpan.FromMinutes(2);
        public static readonly TimeSpan DefaultRetryBaseDelay = TimeSpan.FromSeconds(1);
        public static readonly TimeSpan DefaultRetryMaxDelay = TimeSpan.FromSeconds(30);
        public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(10);

        /// <summary>The shortest timeout accepted (Polly's own lower bound).</summary>
        public static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);

        /// <summary>The longest timeout or delay accepted (Polly's own upper bound).</summary>
        public static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

        private Uri _baseUrl;
        private TimeSpan _attemptTimeout = DefaultAttemptTimeout;
        private TimeSpan _totalTimeout = DefaultTotalTimeout;
        private TimeSpan _retryBaseDelay = DefaultRetryBaseDelay;
        private TimeSpan _retryMaxDelay = DefaultRetryMaxDelay;
        private TimeSpan _connectTimeout = DefaultConnectTimeout;
        private int _maxRetries = DefaultMaxRetries;
        private int _maxConnections = DefaultMaxConnections;
        private long _maxImageBytes;
        private TimeProvider _timeProvider = TimeProvider.System;

        private protected HttpProviderOptions(Uri defaultBaseUrl, long defaultMaxImageBytes)
        {
            _baseUrl = defaultBaseUrl;
            _maxImageBytes = defaultMaxImageBytes;
        }

        /// <summary>
        /// The API's base address (default: the vendor's production host). The documented path is appended to it,
        /// keeping any path the base already has, so a gateway prefix like <c>https://gw.example/ooto/</c> works.
        /// </summary>
        public Uri BaseUrl
        {
            get => _baseUrl;
            set
            {
                if (value is null) throw new ArgumentNullException(nameof(BaseUrl));
                if (!value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttp && value.Scheme != Uri.UriSchemeHttps))
                {
                    throw new ArgumentException($"The base URL must be an absolute http or https URL; '{value.OriginalString}' is not.", nameof(BaseUrl));
                }

                if (!string.IsNullOrEmpty(value.Query) || !string.IsNullOrEmpty(value.Fragment))
                {
                    throw new ArgumentException("The base URL must not have a query or a fragment.", nameof(BaseUrl));
                }

                _baseUrl = value;
            }
        }

        /// <summary>The App ID and key. Null fails every check with <see cref="DeepfakeErrorCode.Unauthorized"/>, sending nothing.</summary>
        public ProviderCredential? Credential { get; set; }

        /// <summary>How long one HTTP attempt may take, from sending to the last byte of the answer.</summary>
        public TimeSpan AttemptTimeout
        {
            get => _attemptTimeout;
            set => _attemptTimeout = InRange(value, MinTimeout, MaxTimeout, nameof(AttemptTimeout));
        }

        /// <summary>How long one check may take over all its attempts and the delays between them.</summary>
        public TimeSpan TotalTimeout
        {
            get => _totalTimeout;
            set => _totalTimeout = InRange(value, MinTimeout, MaxTimeout, nameof(TotalTimeout));
        }

        /// <summary>
        /// Retries after a transient failure (0 to <see cref="MaxRetriesLimit"/>). Each one may be billed: see the remarks.
        /// </summary>
        public int MaxRetries
        {
            get => _maxRetries;
            set
            {
                if (value < 0 || value > MaxRetriesLimit)
                {
                    throw new ArgumentOutOfRangeException(nameof(MaxRetries), value, $"MaxRetries must be between 0 and {MaxRetriesLimit}.");
                }

                _maxRetries = value;
            }
        }

        /// <summary>The first retry's delay; later ones grow exponentially, with jitter, up to <see cref="RetryMaxDelay"/>.</summary>
        public TimeSpan RetryBaseDelay
        {
            get => _retryBaseDelay;
            set => _retryBaseDelay = InRange(value, TimeSpan.Zero, MaxTimeout, nameof(RetryBaseDelay));
        }

        /// <summary>The longest computed backoff. A server's <c>Retry-After</c> is honoured beyond it, within <see cref="TotalTimeout"/>.</summary>
        public TimeSpan RetryMaxDelay
        {
            get => _retryMaxDelay;
            set => _retryMaxDelay = InRange(value, TimeSpan.Zero, MaxTimeout, nameof(RetryMaxDelay));
        }

        /// <summary>How long opening a TCP (and TLS) connection may take. Always finite. Honoured on .NET 8; on .NET Framework the attempt timeout bounds it.</summary>
        public TimeSpan ConnectTimeout
        {
            get => _connectTimeout;
            set => _connectTimeout = InRange(value, MinTimeout, TimeSpan.FromMinutes(10), nameof(ConnectTimeout));
        }

        /// <summary>Connections kept to the vendor: set it to the batch's concurrency, so no check waits for a socket.</summary>
        public int MaxConnections
        {
            get => _maxConnections;
            set
            {
                if (value < 1 || value > MaxConnectionsLimit)
                {
                    throw new ArgumentOutOfRangeException(nameof(MaxConnections), value, $"MaxConnections must be between 1 and {MaxConnectionsLimit}.");
                }

                _maxConnections = value;
            }
        }

        /// <summary>The largest image sent, checked before any request.</summary>
        public long MaxImageBytes
        {
            get => _maxImageBytes;
            set
            {
                if (value < 1 || value > MaxImageBytesLimit)
                {
                    throw new ArgumentOutOfRangeException(nameof(MaxImageBytes), value, $"MaxImageBytes must be between 1 and {MaxImageBytesLimit}.");
                }

                _maxImageBytes = value;
            }
        }

        /// <summary>A proxy for the vendor calls; null uses the system's default proxy settings.</summary>
        public IWebProxy? Proxy { get; set; }

        /// <summary>The clock for timeouts, retry delays and elapsed times; tests pass a fake one.</summary>
        public TimeProvider TimeProvider
        {
            get => _timeProvider;
            set => _timeProvider = value ?? throw new ArgumentNullException(nameof(TimeProvider));
        }

        /// <summary>Receives one Verbose line per request and Debug lines with headers (keys shown as <c>***</c>) and retry decisions.</summary>
        public DiagnosticHandler? Diagnostics { get; set; }

        /// <summary>Checks the rules that involve more than one property.</summary>
        internal void Validate()
        {
            if (AttemptTimeout > TotalTimeout)
            {
                throw new ArgumentException($"AttemptTimeout ({AttemptTimeout}) must not exceed TotalTimeout ({TotalTimeout}).");
            }

            if (RetryBaseDelay > RetryMaxDelay)
            {
                throw new ArgumentException($"RetryBaseDelay ({RetryBaseDelay}) must not exceed RetryMaxDelay ({RetryMaxDelay}).");
            }
        }

        private protected static TimeSpan InRange(TimeSpan value, TimeSpan min, TimeSpan max, string name)
        {
            if (value < min || value > max)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.");
            }

            return value;
        }
    }
}
