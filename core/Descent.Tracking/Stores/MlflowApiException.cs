namespace Descent.Tracking.Stores;

/// <summary>
/// The store refused a request (MLflow's <c>{"error_code": ..., "message": ...}</c>, or a plain-text error
/// with its status code). Never retried: sending it again would get the same answer. Branch on
/// <see cref="ErrorCode"/>, never on the message (its wording differs between backends).
/// </summary>
public sealed class MlflowApiException : TrackingException
{
    /// <summary>Creates the exception.</summary>
    public MlflowApiException(int statusCode, string errorCode, string message)
        : base($"{errorCode} ({statusCode}): {message}")
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ServerMessage = message;
    }

    /// <summary>The HTTP status (the FileStore uses the status MLflow would send).</summary>
    public int StatusCode { get; }

    /// <summary>MLflow's error code, e.g. <c>INVALID_PARAMETER_VALUE</c>, <c>RESOURCE_ALREADY_EXISTS</c>, <c>RESOURCE_DOES_NOT_EXIST</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The server's message.</summary>
    public string ServerMessage { get; }
}
