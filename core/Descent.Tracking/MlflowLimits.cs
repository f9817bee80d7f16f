namespace Descent.Tracking;

/// <summary>
/// What an MLflow server accepts (MLFLOW.md section 2, from <c>mlflow/utils/validation.py</c>).
/// Values over the length limits are truncated on the client: servers before 2.11 reject them.
/// </summary>
public static class MlflowLimits
{
    /// <summary>Metrics per <c>log-batch</c>.</summary>
    public const int MetricsPerBatch = 1000;

    /// <summary>Params per <c>log-batch</c>.</summary>
    public const int ParamsPerBatch = 100;

    /// <summary>Tags per <c>log-batch</c>.</summary>
    public const int TagsPerBatch = 100;

    /// <summary>Metrics, params and tags together per <c>log-batch</c>.</summary>
    public const int ItemsPerBatch = 1000;

    /// <summary>A <c>log-batch</c> body must stay under this many bytes.</summary>
    public const int BatchBytes = 1_000_000;

    /// <summary>Longest metric, param or tag key; longer keys are always rejected.</summary>
    public const int KeyLength = 250;

    /// <summary>Longest param value (servers 2.8 and later; 500 before).</summary>
    public const int ParamValueLength = 6000;

    /// <summary>Longest tag value every server accepts (8000 from 2.17, 5000 before).</summary>
    public const int TagValueLength = 5000;

    /// <summary>Longest experiment name.</summary>
    public const int ExperimentNameLength = 500;

    /// <summary>Page size for <c>metrics/get-history</c>; always sent (MLFLOW.md section 10).</summary>
    public const int HistoryPageSize = 25000;

    /// <summary>Page size for <c>runs/search</c>.</summary>
    public const int SearchPageSize = 1000;
}
