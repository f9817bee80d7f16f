namespace Descent.Reports.Reading;

/// <summary>A run's recorded loss: at each MLflow step, the x position of the curve and the loss.</summary>
/// <param name="Steps">MLflow steps: samples seen (data trials) or the iteration (analytic trials).</param>
/// <param name="X">Where the point is drawn: the fractional epoch for data trials, the step for analytic ones.</param>
/// <param name="Loss">The loss at each step.</param>
public sealed record LossHistory(long[] Steps, double[] X, double[] Loss)
{
    /// <summary>No points (a run that failed before recording, or one whose history was not read).</summary>
    public static LossHistory Empty { get; } = new([], [], []);

    /// <summary>Number of points.</summary>
    public int Count => Steps.Length;
}
