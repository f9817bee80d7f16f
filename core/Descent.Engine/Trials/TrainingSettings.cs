namespace Descent.Engine.Trials;

/// <summary>How long and on what a trial trains.</summary>
/// <param name="Steps">Iterations, for analytic objectives (no data).</param>
/// <param name="Epochs">Passes over the data, for data objectives.</param>
/// <param name="BatchSize">Rows per minibatch, for data objectives.</param>
/// <param name="RecordEvery">Record the full-data loss every this many samples (the chapter: 100).</param>
/// <param name="Autograd">Always back-propagate, even when the objective offers its gradient in closed form.</param>
public sealed record TrainingSettings(int? Steps = null, int? Epochs = null, int? BatchSize = null, int? RecordEvery = null, bool Autograd = false)
{
    /// <summary>
    /// Evaluate <c>train_eval</c>, <c>valid</c> and <c>test</c> every this many samples (objectives with metrics on datasets
    /// with splits); null: once per epoch.
    /// </summary>
    public int? EvalEvery { get; init; }

    /// <summary>Samples per forward pass when evaluating a split; null: <see cref="DefaultEvalBatchSize"/>.</summary>
    public int? EvalBatchSize { get; init; }

    /// <summary>The evaluation batch size when none is given.</summary>
    public const int DefaultEvalBatchSize = 1000;

    /// <summary>The chapter's defaults for data objectives.</summary>
    public const int DefaultEpochs = 2;

    /// <summary>The chapter's default minibatch size.</summary>
    public const int DefaultBatchSize = 10;

    /// <summary>The chapter's recording interval, in samples.</summary>
    public const int DefaultRecordEvery = 100;
}
