using Descent.Engine.Trials;
using Descent.Sweeps.Expansion;

namespace Descent.Sweeps.Running;

/// <summary>How one trial of a sweep ended in this run of it.</summary>
/// <param name="Trial">The trial.</param>
/// <param name="Result">What it produced.</param>
/// <param name="RunId">Its MLflow run, when tracked.</param>
public sealed record SweepTrialOutcome(SweepTrial Trial, TrialResult Result, string? RunId);
