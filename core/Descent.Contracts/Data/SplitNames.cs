namespace Descent.Contracts;

/// <summary>
/// The names of a dataset's splits, as metrics carry them (<c>valid/accuracy</c>). <see cref="Train"/> is
/// what the optimizer trains on; <see cref="TrainEval"/> is a fixed subset of it that is evaluated like the
/// held-out splits (DeepOBS's <c>train_eval</c>), so that training and held-out metrics compare like for like.
/// </summary>
public static class SplitNames
{
    /// <summary>The training split.</summary>
    public const string Train = "train";

    /// <summary>A fixed subset of the training split, evaluated on the schedule.</summary>
    public const string TrainEval = "train_eval";

    /// <summary>The validation split (the dataset's own, or carved from the end of the training files).</summary>
    public const string Valid = "valid";

    /// <summary>The test split.</summary>
    public const string Test = "test";
}
