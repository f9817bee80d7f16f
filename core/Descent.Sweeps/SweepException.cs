namespace Descent.Sweeps;

/// <summary>A sweep that cannot run because of what the user asked (a bad shard, a missing tracking server); the message says what to fix.</summary>
public sealed class SweepException(string message) : Exception(message);
