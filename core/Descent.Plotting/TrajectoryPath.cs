namespace Descent.Plotting;

/// <summary>One path drawn over a surface: the iterates (each with the surface's dimension) and f at each.</summary>
/// <param name="Label">Legend text when several paths share a picture (<c>seed 1</c>); empty for none.</param>
/// <param name="Points">The iterates, in order.</param>
/// <param name="Values">f at each iterate (used in 1-D, where the path is drawn on the curve).</param>
public sealed record TrajectoryPath(string Label, IReadOnlyList<IReadOnlyList<double>> Points, IReadOnlyList<double> Values);
