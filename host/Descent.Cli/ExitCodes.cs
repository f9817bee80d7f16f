namespace Descent.Cli;

/// <summary>What the process returns.</summary>
public static class ExitCodes
{
    /// <summary>Done (a diverged trial is a result, not an error).</summary>
    public const int Ok = 0;

    /// <summary>A trial failed (a plugin threw while training).</summary>
    public const int Failed = 1;

    /// <summary>Bad input: unknown id, invalid value, missing file. The message says what to fix.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted (Ctrl-C); runs were ended as killed.</summary>
    public const int Interrupted = 130;
}
