namespace Descent.Benchmarks.Scores;

/// <summary>Which way a metric improves: a loss or an error rate is minimized, an accuracy is maximized.</summary>
public enum Goal
{
    /// <summary>Smaller is better (loss, error rate); a target is reached by a value ≤ the target.</summary>
    Minimize,

    /// <summary>Larger is better (accuracy); a target is reached by a value ≥ the target.</summary>
    Maximize,
}
