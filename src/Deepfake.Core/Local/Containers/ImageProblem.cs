using System;

namespace Deepfake.Local.Containers
{
    /// <summary>
    /// Thrown by a scanner when the file's structure is broken; the provider turns it into a rejected result that
    /// names the input. The message completes the sentence "The file ...".
    /// </summary>
    internal sealed class ImageProblem : Exception
    {
        public ImageProblem(DeepfakeErrorCode code, string message)
            : base(message)
        {
            Code = code;
        }

        public DeepfakeErrorCode Code { get; }

        public static ImageProblem Truncated(string what) =>
            new ImageProblem(DeepfakeErrorCode.InvalidImage, what + "; the file looks truncated or corrupt. Copy or export it again.");
    }
}
