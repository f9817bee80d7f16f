namespace Descent.Sweeps.Tracking;

/// <summary>
/// The tags a sweep puts on its MLflow runs: one parent run per sweep, one child per trial (in the same
/// experiment, with <c>mlflow.parentRunId</c>). Reports and resume find runs by these.
/// </summary>
public static class SweepTags
{
    /// <summary>On parent and children: the sweep's identity (<see cref="Expansion.SweepPlan.Identity"/>).</summary>
    public const string Sweep = "descent.sweep";

    /// <summary><c>sweep</c> on the parent, <c>trial</c> on each child.</summary>
    public const string Kind = "descent.run_kind";

    /// <summary>On the parent: the experiment file's name (its <c>name:</c>).</summary>
    public const string SweepName = "descent.sweep_name";

    /// <summary>On the parent: the experiment file's path as given.</summary>
    public const string SweepFile = "descent.sweep_file";

    /// <summary>On the parent: how many trials the whole sweep has.</summary>
    public const string TrialCount = "descent.sweep_trials";

    /// <summary>On each child: the optimizer configuration its seeds share (e.g. <c>momentum lr=0.02 momentum=0.5</c>).</summary>
    public const string Configuration = "descent.configuration";

    /// <summary>On each child: the trial's index in the sweep.</summary>
    public const string TrialIndex = "descent.trial_index";

    /// <summary>On a run a later attempt found left RUNNING by a process that was killed: <c>true</c>.</summary>
    public const string Stale = "descent.stale";

    /// <summary>Value of <see cref="Kind"/> on a parent.</summary>
    public const string SweepKind = "sweep";

    /// <summary>Value of <see cref="Kind"/> on a child.</summary>
    public const string TrialKind = "trial";

    /// <summary>The experiment file, as an artifact of the parent run.</summary>
    public const string ExperimentFileArtifact = "experiment.yaml";
}
