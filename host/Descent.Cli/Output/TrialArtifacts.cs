namespace Descent.Cli.Output;

/// <summary>
/// The files <c>descent trial --out DIR</c> writes: <c>result.json</c> (the report) beside the files
/// that show the trial (<see cref="Plotting.TrialFiles"/>: history.csv, loss.png, trajectory.png).
/// </summary>
public static class TrialArtifacts
{
    /// <summary>Writes every file; returns their paths.</summary>
    public static IReadOnlyList<string> Write(string directory, Engine.Trials.ResolvedTrial trial, Engine.Trials.TrialResult result, TrialReport report, IServiceProvider services)
    {
        Directory.CreateDirectory(directory);
        string json = Path.Combine(directory, "result.json");
        File.WriteAllText(json, Json.Write(report));
        return [json, .. Plotting.TrialFiles.Write(directory, trial, result, services)];
    }
}
