namespace Deepfake.Tests.Support
{
    public static class RepositoryRoot
    {
        /// <summary>The directory holding Deepfake.sln, found by walking up from the test's output directory.</summary>
        public static string Path
        {
            get
            {
                for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                {
                    if (File.Exists(System.IO.Path.Combine(dir.FullName, "Deepfake.sln"))) return dir.FullName;
                }

                throw new InvalidOperationException("Deepfake.sln not found above " + AppContext.BaseDirectory);
            }
        }
    }
}
