namespace Descent.Sweeps.Files;

/// <summary>Training settings of an experiment (or an override of them); null fields are not set here.</summary>
public sealed record TrainingSection(
    int? Steps,
    int? Epochs,
    int? BatchSize,
    int? RecordEvery,
    bool? Autograd,
    string? DType,
    string? Device,
    SourceLocation Location)
{
    /// <summary>
    /// Settings given here but not readable (a wrong value, a misspelt key): null above, and already reported,
    /// so that a check of the trial does not report them missing as well.
    /// </summary>
    public IReadOnlySet<string> Rejected { get; init; } = new HashSet<string>();

    /// <summary>Evaluate the splits every this many samples (<c>eval_every</c>).</summary>
    public int? EvalEvery { get; init; }

    /// <summary>Samples per forward pass when evaluating (<c>eval_batch_size</c>).</summary>
    public int? EvalBatchSize { get; init; }

    /// <summary>This section with the fields <paramref name="over"/> sets replaced.</summary>
    public TrainingSection Merge(TrainingSection? over) => over is null
        ? this
        : new TrainingSection(
            over.Steps ?? Steps,
            over.Epochs ?? Epochs,
            over.BatchSize ?? BatchSize,
            over.RecordEvery ?? RecordEvery,
            over.Autograd ?? Autograd,
            over.DType ?? DType,
            over.Device ?? Device,
            over.Location)
        {
            Rejected = Rejected.Union(over.Rejected).ToHashSet(),
            EvalEvery = over.EvalEvery ?? EvalEvery,
            EvalBatchSize = over.EvalBatchSize ?? EvalBatchSize,
        };
}
