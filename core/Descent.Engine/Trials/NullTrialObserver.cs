namespace Descent.Engine.Trials;

/// <summary>An observer that does nothing.</summary>
public sealed class NullTrialObserver : ITrialObserver
{
    /// <summary>The shared instance.</summary>
    public static NullTrialObserver Instance { get; } = new();
}
