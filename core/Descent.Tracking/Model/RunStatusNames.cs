namespace Descent.Tracking.Model;

/// <summary>The REST names of <see cref="RunStatus"/> (<c>RUNNING</c>, <c>FINISHED</c>, ...).</summary>
public static class RunStatusNames
{
    /// <summary>The upper-case name MLflow's REST API uses.</summary>
    public static string ToName(RunStatus status) => status.ToString().ToUpperInvariant();

    /// <summary>Parses a REST name; unknown names are an error that names the value.</summary>
    public static RunStatus Parse(string name) =>
        Enum.TryParse<RunStatus>(name, ignoreCase: true, out var status) && Enum.IsDefined(status)
            ? status
            : throw new FormatException($"unknown MLflow run status '{name}'; expected RUNNING, SCHEDULED, FINISHED, FAILED or KILLED");
}
