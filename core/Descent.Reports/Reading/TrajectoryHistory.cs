namespace Descent.Reports.Reading;

/// <summary>The iterates a run of a 1-D or 2-D objective recorded (the <c>trajectory/*</c> metrics), joined by step.</summary>
/// <param name="Steps">The MLflow step of each point.</param>
/// <param name="Points">The iterate at each step: one value per coordinate.</param>
public sealed record TrajectoryHistory(long[] Steps, IReadOnlyList<double[]> Points)
{
    /// <summary>No iterates (data trials, objectives with more than 2 coordinates, runs that did not finish).</summary>
    public static TrajectoryHistory Empty { get; } = new([], []);

    /// <summary>Number of points.</summary>
    public int Count => Steps.Length;

    /// <summary>1 or 2; 0 when empty.</summary>
    public int Dimension => Points.Count == 0 ? 0 : Points[0].Length;
}
