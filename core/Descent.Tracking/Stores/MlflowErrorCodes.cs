namespace Descent.Tracking.Stores;

/// <summary>MLflow's error codes that clients branch on (<c>mlflow/exceptions.py</c>).</summary>
public static class MlflowErrorCodes
{
    /// <summary>400: a bad value, e.g. a param logged again with a different value.</summary>
    public const string InvalidParameterValue = "INVALID_PARAMETER_VALUE";

    /// <summary>400: a create lost a race (or was replayed); read the existing resource instead.</summary>
    public const string ResourceAlreadyExists = "RESOURCE_ALREADY_EXISTS";

    /// <summary>404.</summary>
    public const string ResourceDoesNotExist = "RESOURCE_DOES_NOT_EXIST";

    /// <summary>500: e.g. a run created in a deleted experiment on a FileStore.</summary>
    public const string InvalidState = "INVALID_STATE";

    /// <summary>A status without MLflow's JSON error body (proxies, basic auth, plain-text errors).</summary>
    public const string Unknown = "HTTP_ERROR";
}
