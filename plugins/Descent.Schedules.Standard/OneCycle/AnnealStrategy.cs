namespace Descent.Schedules.Standard;

/// <summary>How one-cycle moves between its rates (PyTorch's <c>anneal_strategy</c>).</summary>
public enum AnnealStrategy
{
    /// <summary>Half a cosine.</summary>
    Cos,

    /// <summary>A straight line.</summary>
    Linear,
}
