namespace Descent.Engine.Trials;

/// <summary>
/// A trial as the user wrote it (command line or experiment file): plugin ids and raw
/// <c>name=value</c> settings. <see cref="TrialResolver"/> checks it and turns it into a <see cref="ResolvedTrial"/>.
/// </summary>
public sealed record TrialSpec
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>Optimizer plugin id.</summary>
    public required string Optimizer { get; init; }

    /// <summary>Optimizer hyperparameters by name.</summary>
    public IReadOnlyDictionary<string, string> Hyperparameters { get; init; } = None;

    /// <summary>Objective plugin id.</summary>
    public required string Objective { get; init; }

    /// <summary>Objective options by name (including <c>start</c>).</summary>
    public IReadOnlyDictionary<string, string> ObjectiveArgs { get; init; } = None;

    /// <summary>Dataset plugin id, for objectives that need data.</summary>
    public string? Dataset { get; init; }

    /// <summary>Dataset options by name.</summary>
    public IReadOnlyDictionary<string, string> DatasetArgs { get; init; } = None;

    /// <summary>Steps, or epochs and batch size.</summary>
    public TrainingSettings Training { get; init; } = new();

    /// <summary>The trial's seed.</summary>
    public long Seed { get; init; }

    /// <summary><c>float32</c> or <c>float64</c>.</summary>
    public string DType { get; init; } = "float32";

    /// <summary><c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public string Device { get; init; } = "cpu";
}
