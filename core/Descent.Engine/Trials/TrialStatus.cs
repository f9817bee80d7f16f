namespace Descent.Engine.Trials;

/// <summary>How a trial ended.</summary>
public enum TrialStatus
{
    /// <summary>Ran every step or epoch.</summary>
    Finished,

    /// <summary>The loss (or a parameter) became NaN or infinite; the trial stopped early.</summary>
    Diverged,

    /// <summary>A plugin threw; <see cref="TrialResult.Error"/> says what.</summary>
    Failed,

    /// <summary>Cancelled (Ctrl-C) before the end.</summary>
    Killed,
}
