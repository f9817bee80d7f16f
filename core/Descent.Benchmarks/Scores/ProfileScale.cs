namespace Descent.Benchmarks.Scores;

/// <summary>How a performance profile's τ grid is spaced (AlgoPerf's <c>scale</c> argument).</summary>
public enum ProfileScale
{
    /// <summary>τ evenly spaced on [1, τ_max] (<c>np.linspace</c>); AlgoPerf's leaderboard score uses this.</summary>
    Linear,

    /// <summary>log10 τ evenly spaced on [0, log10 τ_max] (<c>np.logspace</c>); the area is taken over log10 τ.</summary>
    Log,
}
