using System.Net;
using System.Security.Authentication;

namespace Deepfake.Http
{
    /// <summary>
    /// The TLS versions the Windows PowerShell 5.1 build asks for. .NET Framework's handler takes them from the
    /// process-wide <see cref="ServicePointManager.SecurityProtocol"/>, which in <c>powershell.exe</c> on a machine
    /// without the <c>SchUseStrongCrypto</c> / <c>SystemDefaultTlsVersions</c> registry settings still means SSL 3 and
    /// TLS 1.0 only, and the vendors' APIs need TLS 1.2. Changing the process-wide setting would change every other
    /// module's connections, so only our handler is raised, and only then: a process that allows TLS 1.2 or defers to
    /// the operating system keeps its choice (which may be TLS 1.3).
    /// </summary>
    internal static class TlsFloor
    {
        /// <summary><c>SecurityProtocolType.SystemDefault</c>, which the netstandard2.0 surface does not name.</summary>
        private const SecurityProtocolType SystemDefault = 0;

        /// <summary>The protocols to set on the handler, or null to leave the process-wide choice in force.</summary>
        public static SslProtocols? For(SecurityProtocolType processWide)
        {
            if (processWide == SystemDefault || (processWide & SecurityProtocolType.Tls12) != 0)
            {
                return null;
            }

            return SslProtocols.Tls12;
        }
    }
}
