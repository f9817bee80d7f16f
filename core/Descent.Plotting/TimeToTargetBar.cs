namespace Descent.Plotting;

/// <summary>One optimizer's time to target on one workload, over seeds.</summary>
/// <param name="Median">Median time (positive); <see cref="double.PositiveInfinity"/> when it missed the target.</param>
/// <param name="LowerQuartile">25th percentile of the times.</param>
/// <param name="UpperQuartile">75th percentile of the times; <see cref="double.PositiveInfinity"/> when over a quarter of the seeds missed.</param>
public sealed record TimeToTargetBar(double Median, double LowerQuartile, double UpperQuartile);
