namespace Deepfake.Sandbox.Markers;

/// <summary><c>fault=KIND:COUNT</c>: the next <see cref="Count"/> attempts fail as <see cref="Kind"/>.</summary>
internal readonly record struct FaultStep(string Kind, int Count);
