using System;
using System.IO;
using System.Text;

namespace Deepfake.Configuration
{
    /// <summary>
    /// Reads and writes the small per-user files (credentials, settings): owner-only permissions on Unix, written
    /// to a temporary file and renamed over the old one so that a crash or a concurrent reader never sees half a file.
    /// </summary>
    /// <remarks>
    /// On netstandard2.0 outside Windows there is no API to set a file mode, so the file gets the process's umask
    /// (usually 0644). That build is only loaded by Windows PowerShell 5.1; PowerShell 7 and the CLI load net8.0.
    /// </remarks>
    internal static class UserFile
    {
        /// <summary>The file's text, or null when it does not exist.</summary>
        public static string? ReadText(string path)
        {
            try
            {
                return File.ReadAllText(path, Encoding.UTF8);
            }
            catch (FileNotFoundException)
            {
                return null;
            }
            catch (DirectoryNotFoundException)
            {
                return null;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new DeepfakeException(DeepfakeErrorCode.AccessDenied, "'" + path + "' cannot be read: " + ex.Message);
            }
        }

        public static void WriteAtomically(string path, string text)
        {
            var directory = Path.GetDirectoryName(path) ?? ".";
            CreateDirectory(directory);
            var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                using (var stream = CreateOwnerOnly(temporary))
                {
                    var bytes = new UTF8Encoding(false).GetBytes(text);
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(true);
                }

                Replace(temporary, path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                TryDelete(temporary);
                throw new DeepfakeException(DeepfakeErrorCode.AccessDenied, "'" + path + "' cannot be written: " + ex.Message);
            }
        }

        /// <summary>Whether users other than the owner may read or write the file (always false on Windows, whose ACLs differ).</summary>
        public static bool IsOpenToOthers(string path, out string mode)
        {
            mode = string.Empty;
#if NET8_0_OR_GREATER
            if (!OperatingSystem.IsWindows())
            {
                var actual = File.GetUnixFileMode(path);
                mode = Convert.ToString((int)actual, 8).PadLeft(4, '0');
                const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
                return (actual & others) != 0;
            }
#endif
            return false;
        }

        private static void CreateDirectory(string directory)
        {
            if (Directory.Exists(directory))
            {
                // An existing directory (perhaps chosen with DEEPFAKE_CONFIG_DIR) keeps the mode its owner gave it.
                return;
            }
#if NET8_0_OR_GREATER
            if (!OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                return;
            }
#endif
            Directory.CreateDirectory(directory);
        }

        private static FileStream CreateOwnerOnly(string path)
        {
#if NET8_0_OR_GREATER
            if (!OperatingSystem.IsWindows())
            {
                return new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    Share = FileShare.None,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                });
            }
#endif
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }

        private static void Replace(string temporary, string path)
        {
#if NET8_0_OR_GREATER
            File.Move(temporary, path, overwrite: true);
#else
            if (File.Exists(path))
            {
                File.Replace(temporary, path, null);
            }
            else
            {
                File.Move(temporary, path);
            }
#endif
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // A stray temporary file is harmless; the error that matters is the one being thrown.
            }
        }
    }
}
