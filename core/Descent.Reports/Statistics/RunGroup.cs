namespace Descent.Reports.Statistics;

/// <summary>
/// Runs that computed the same thing with different optimizers: the same objective and its settings, the
/// same dataset, the same training settings (steps, or epochs and batch size). Their losses share an x
/// range and can be drawn in one picture.
/// </summary>
/// <param name="Number">1, 2, ... in sweep order; names the group's files.</param>
/// <param name="Title">What the group is, e.g. <c>linear-regression on airfoil, 2 epochs, batch 10</c>.</param>
/// <param name="UsesData">True for data trials (x = epoch), false for analytic ones (x = step).</param>
/// <param name="Configurations">Its optimizer configurations, in sweep order.</param>
public sealed record RunGroup(int Number, string Title, bool UsesData, IReadOnlyList<ConfigurationResult> Configurations)
{
    /// <summary>True when some configuration has accuracies (a classification group): the report adds its accuracy table and curves.</summary>
    public bool HasAccuracy => Configurations.Any(c => c.Statistics.Accuracy is not null);

    /// <summary>Dimension of the iterates the runs recorded (1 or 2), or 0 when they recorded none.</summary>
    public int TrajectoryDimension =>
        Configurations.SelectMany(c => c.Runs).Select(r => r.Trajectory.Dimension).DefaultIfEmpty(0).Max();
}
