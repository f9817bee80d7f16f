using System.Net.Http.Headers;
using System.Text;

namespace Descent.Tracking.Rest;

/// <summary>
/// How the client authenticates (MLFLOW.md section 4): HTTP Basic from <c>MLFLOW_TRACKING_USERNAME</c> and
/// <c>MLFLOW_TRACKING_PASSWORD</c> (which win over a token), else <c>Authorization: Bearer</c> from
/// <c>MLFLOW_TRACKING_TOKEN</c>, else credentials written into the tracking URI, else
/// <c>~/.mlflow/credentials</c> (section <c>[mlflow]</c>). The secret itself is never printed:
/// <see cref="ToString"/> names only the scheme.
/// </summary>
public sealed class MlflowCredentials
{
    private readonly AuthenticationHeaderValue? header;

    private MlflowCredentials(AuthenticationHeaderValue? header, string description)
    {
        this.header = header;
        Description = description;
    }

    /// <summary>No authentication.</summary>
    public static MlflowCredentials None { get; } = new(null, "none");

    /// <summary>What is used, without the secret: <c>none</c>, <c>basic (user 'alice')</c>, <c>bearer token</c>.</summary>
    public string Description { get; }

    /// <summary>The header to send, or null.</summary>
    internal AuthenticationHeaderValue? Header => header;

    /// <summary>HTTP Basic.</summary>
    public static MlflowCredentials Basic(string username, string password) =>
        new(new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"))), $"basic (user '{username}')");

    /// <summary>A bearer token.</summary>
    public static MlflowCredentials Bearer(string token) => new(new AuthenticationHeaderValue("Bearer", token), "bearer token");

    /// <summary>Resolves the credentials in MLflow's order of precedence.</summary>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="uriUserInfo"><c>user:password</c> from the tracking URI, if any.</param>
    /// <param name="credentialsFile">MLflow's credentials file; null for <c>~/.mlflow/credentials</c>.</param>
    public static MlflowCredentials Resolve(Func<string, string?> environment, string? uriUserInfo = null, string? credentialsFile = null)
    {
        string? user = environment("MLFLOW_TRACKING_USERNAME");
        string? password = environment("MLFLOW_TRACKING_PASSWORD");
        if (!string.IsNullOrEmpty(user) && !string.IsNullOrEmpty(password))
        {
            return Basic(user, password);
        }

        string? token = environment("MLFLOW_TRACKING_TOKEN");
        if (!string.IsNullOrEmpty(token))
        {
            return Bearer(token);
        }

        if (!string.IsNullOrEmpty(uriUserInfo) && uriUserInfo.IndexOf(':', StringComparison.Ordinal) is int colon and > 0)
        {
            return Basic(uriUserInfo[..colon], uriUserInfo[(colon + 1)..]);
        }

        var file = ReadCredentialsFile(credentialsFile ?? DefaultCredentialsFile());
        if (file.TryGetValue("mlflow_tracking_username", out string? fileUser) && file.TryGetValue("mlflow_tracking_password", out string? filePassword))
        {
            return Basic(fileUser, filePassword);
        }

        return None;
    }

    /// <inheritdoc />
    public override string ToString() => Description;

    private static string DefaultCredentialsFile() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".mlflow", "credentials");

    private static Dictionary<string, string> ReadCredentialsFile(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return values;
        }

        bool inSection = false;
        foreach (string raw in File.ReadLines(path))
        {
            string line = raw.Trim();
            if (line.StartsWith('['))
            {
                inSection = line == "[mlflow]";
            }
            else if (inSection && line.IndexOf('=', StringComparison.Ordinal) is int equals and > 0)
            {
                values[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return values;
    }
}
