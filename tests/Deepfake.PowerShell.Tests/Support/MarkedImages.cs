using System.IO;
using Deepfake.Sandbox;

namespace Deepfake.Tests.Support
{
    /// <summary>Copies of the fixture photo carrying sandbox markers, in a temporary folder.</summary>
    internal sealed class MarkedImages : IDisposable
    {
        private static readonly string Photo = Path.Combine(AppContext.BaseDirectory, "Fixtures", "astronaut.jpg");

        public MarkedImages()
        {
            Folder = Path.Combine(Path.GetTempPath(), "deepfake-ps-images-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);
        }

        public string Folder { get; }

        /// <summary>A JPEG whose sandbox answer the directives decide; a nonce keeps every file distinct.</summary>
        public string Write(string name, string directives = "")
        {
            var path = Path.Combine(Folder, name);
            SandboxImages.WriteWithMarker(Photo, path, directives + ";nonce=" + Guid.NewGuid().ToString("N"));
            return path;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
