namespace Descent.Engine.Trials;

/// <summary>
/// A trial as the user wrote it (command line or experiment file): plugin ids, raw <c>name=value</c>
/// settings, and the values a sweep drew for it. <see cref="TrialResolver"/> checks it and turns it into a <see cref="ResolvedTrial"/>.
/// </summary>
public sealed record TrialSpec
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();
    private static readonly IReadOnlyDictionary<string, object> NoneDrawn = new Dictionary<string, object>();

    /// <summary>Optimizer plugin id.</summary>
    public required string Optimizer { get; init; }

    /// <summary>Optimizer hyperparameters by name, as text.</summary>
    public IReadOnlyDictionary<string, string> Hyperparameters { get; init; } = None;

    /// <summary>
    /// Optimizer hyperparameters a sweep drew from a distribution, by name, typed as drawn: <c>double</c>
    /// (uniform, loguniform) or <c>long</c> (int_uniform). They are bound as they are (range-checked, never
    /// written as text and read back); a name given here and in <see cref="Hyperparameters"/> takes this value.
    /// </summary>
    public IReadOnlyDictionary<string, object> SampledHyperparameters { get; init; } = NoneDrawn;

    /// <summary>Objective plugin id.</summary>
    public required string Objective { get; init; }

    /// <summary>Objective options by name (including <c>start</c>).</summary>
    public IReadOnlyDictionary<string, string> ObjectiveArgs { get; init; } = None;

    /// <summary>Dataset plugin id, for objectives that need data.</summary>
    public string? Dataset { get; init; }

    /// <summary>Dataset options by name.</summary>
    public IReadOnlyDictionary<string, string> DatasetArgs { get; init; } = None;

    /// <summary>Learning-rate schedule plugin id; null for the optimizer's constant rate.</summary>
    public string? Schedule { get; init; }

    /// <summary>The schedule's arguments by name, as text.</summary>
    public IReadOnlyDictionary<string, string> ScheduleArgs { get; init; } = None;

    /// <summary>Steps, or epochs and batch size.</summary>
    public TrainingSettings Training { get; init; } = new();

    /// <summary>The trial's seed.</summary>
    public long Seed { get; init; }

    /// <summary><c>float32</c> or <c>float64</c>.</summary>
    public string DType { get; init; } = "float32";

    /// <summary><c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>The metric value to reach and whether to stop there; null for none (see <see cref="Targets.TrialTarget"/>).</summary>
    public Targets.TrialTarget? Target { get; init; }

    /// <summary>Every optimizer hyperparameter, text and drawn, as <see cref="Options.OptionsBinder"/> takes them.</summary>
    public IEnumerable<KeyValuePair<string, object>> OptimizerValues() =>
        Hyperparameters.Where(h => !SampledHyperparameters.ContainsKey(h.Key))
            .Select(h => new KeyValuePair<string, object>(h.Key, h.Value))
            .Concat(SampledHyperparameters);
}
