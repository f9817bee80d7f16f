namespace Descent.Runs.Sweeps;

/// <summary>
/// What a sweep's runs should be, as far as reading them back needs: its identity (on every run as
/// <see cref="RunKeys.Tags.Sweep"/>), the experiment file's name, path and description, and each trial's
/// identity (<see cref="RunKeys.Tags.TrialHash"/>) and display name. Reports read a sweep with it without
/// knowing how sweeps are expanded.
/// </summary>
/// <param name="Identity">The sweep's identity (a SHA-256 over its trials' identities).</param>
/// <param name="Name">The experiment file's <c>name:</c>.</param>
/// <param name="FilePath">The experiment file's path as given.</param>
/// <param name="Description">The experiment file's description, or null.</param>
/// <param name="Trials">Every trial of the sweep, in order.</param>
public sealed record SweepOutline(string Identity, string Name, string FilePath, string? Description, IReadOnlyList<OutlinedTrial> Trials);

/// <summary>One trial of a <see cref="SweepOutline"/>.</summary>
/// <param name="Identity">The trial's hash.</param>
/// <param name="Name">Its display name (<c>trial-0003 sgd lr=0.1 seed=1</c>).</param>
public sealed record OutlinedTrial(string Identity, string Name);
