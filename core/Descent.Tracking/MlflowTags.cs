namespace Descent.Tracking;

/// <summary>MLflow's system tags (MLFLOW.md section 7). The MLflow UI hides tags that start with <c>mlflow.</c>.</summary>
public static class MlflowTags
{
    /// <summary>The run's display name.</summary>
    public const string RunName = "mlflow.runName";

    /// <summary>The user column.</summary>
    public const string User = "mlflow.user";

    /// <summary>What ran: the program or command.</summary>
    public const string SourceName = "mlflow.source.name";

    /// <summary><c>LOCAL</c> for a program run on this machine.</summary>
    public const string SourceType = "mlflow.source.type";

    /// <summary>The git commit of the checkout it ran from.</summary>
    public const string GitCommit = "mlflow.source.git.commit";

    /// <summary>The parent run (nests this run under it in the UI; same experiment).</summary>
    public const string ParentRunId = "mlflow.parentRunId";

    /// <summary>A Markdown description shown on the run page.</summary>
    public const string Note = "mlflow.note.content";
}
