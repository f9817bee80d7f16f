using System.Text.Json;

namespace Descent.Tracking.Rest.Wire;

/// <summary>Reads MLflow's error JSON; plain-text errors (basic auth, proxies) give an empty <see cref="ErrorBody"/>.</summary>
internal static class ErrorBodies
{
    public static ErrorBody Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return new ErrorBody();
        }

        try
        {
            return JsonSerializer.Deserialize<ErrorBody>(body, MlflowJson.Options) ?? new ErrorBody();
        }
        catch (JsonException)
        {
            return new ErrorBody();
        }
    }
}
