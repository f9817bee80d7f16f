namespace Descent.Plotting;

/// <summary>One line of a loss-curve picture, with an optional band (e.g. min-max over seeds).</summary>
/// <param name="Label">Legend text; empty for a single unlabeled line.</param>
/// <param name="X">Positions (epochs or steps).</param>
/// <param name="Y">Loss at each position (the mean over seeds, for a band).</param>
/// <param name="Lower">Lower edge of the band, or null.</param>
/// <param name="Upper">Upper edge of the band, or null.</param>
public sealed record LossSeries(string Label, double[] X, double[] Y, double[]? Lower = null, double[]? Upper = null);
