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
            over.Location);
}
