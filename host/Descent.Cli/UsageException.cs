namespace Descent.Cli;

/// <summary>Bad command-line input; its message is shown as is and the process exits with <see cref="ExitCodes.Usage"/>.</summary>
public sealed class UsageException(string message) : Exception(message);
