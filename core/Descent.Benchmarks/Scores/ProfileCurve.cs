namespace Descent.Benchmarks.Scores;

/// <summary>One optimizer's performance profile on the grid of its <see cref="PerformanceProfile"/> and its scores.</summary>
/// <param name="Optimizer">The optimizer.</param>
/// <param name="Rho">ρ(τ) at each grid τ: the fraction of workloads with ratio ≤ τ.</param>
/// <param name="Score">
/// AlgoPerf's score: the trapezoid rule over the grid (<c>np.trapz(ρ, x=τ)</c>, scoring/score_submissions.py
/// <c>compute_leaderboard_score</c>), divided by the grid's range (τ_max − 1; log10 τ_max on a log grid). In [0, 1].
/// </param>
/// <param name="ExactScore">
/// The same area taken exactly: ρ is a step function, so it is the mean over workloads of
/// (τ_max − max(r, 1)) / (τ_max − 1) for each ratio r ≤ τ_max (with log10 τ in place of τ on a log grid).
/// It differs from <paramref name="Score"/> only by where jumps fall between grid points (at most 1/(2(points − 1)) per workload).
/// </param>
public sealed record ProfileCurve(string Optimizer, IReadOnlyList<double> Rho, double Score, double ExactScore);
