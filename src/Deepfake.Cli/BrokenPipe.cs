using System;
using System.IO;

namespace Deepfake.Cli
{
    /// <summary>
    /// Recognises the write that fails because stdout's reader went away (<c>deepfake check ... | head -1</c>).
    /// .NET ignores SIGPIPE, so on Unix such a write fails with EPIPE, surfaced as an <see cref="IOException"/>
    /// whose HResult is the errno. (The console stream would swallow EPIPE and let a run go on sending requests
    /// nobody will read, which is why <see cref="Terminal"/> writes a redirected stdout through a plain file stream.)
    /// </summary>
    internal static class BrokenPipe
    {
        /// <summary>EPIPE on Linux and macOS.</summary>
        private const int Epipe = 32;

        public static bool Is(Exception error)
        {
            if (OperatingSystem.IsWindows())
            {
                return false;
            }

            for (var e = error; e != null; e = e.InnerException)
            {
                if (e is IOException && e.HResult == Epipe)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
