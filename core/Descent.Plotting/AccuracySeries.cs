namespace Descent.Plotting;

/// <summary>One line of an accuracy-curve picture, with an optional band (e.g. min-max over seeds).</summary>
/// <param name="Label">Legend text.</param>
/// <param name="X">Positions (training samples seen).</param>
/// <param name="Y">Accuracy at each position, in [0, 1] (the mean over seeds, for a band).</param>
/// <param name="Lower">Lower edge of the band, or null.</param>
/// <param name="Upper">Upper edge of the band, or null.</param>
public sealed record AccuracySeries(string Label, double[] X, double[] Y, double[]? Lower = null, double[]? Upper = null);
