namespace Descent.Plotting;

/// <summary>One optimizer in a performance-profile picture.</summary>
/// <param name="Label">Legend text (the optimizer).</param>
/// <param name="Ratios">
/// Its performance ratio on each workload: its time to target over the best time on that workload (at least 1),
/// <see cref="double.PositiveInfinity"/> where it never reached the target.
/// </param>
/// <param name="Score">Its summary score (e.g. the normalized area under the profile), shown in the legend.</param>
public sealed record ProfileSeries(string Label, IReadOnlyList<double> Ratios, double Score);
