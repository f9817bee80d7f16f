using System.Globalization;
using System.Text;
using Descent.Engine.Options;
using Descent.Engine.Trials;
using Descent.Plotting;

namespace Descent.Runs.Files;

/// <summary>
/// The files that show one trial: its report (<c>result.json</c>), the history as CSV, for 1-D and 2-D
/// analytic objectives the trajectory (the contours or the curve of f with the path over them), and on
/// request the loss curve. Written by <c>descent trial --out</c> and attached to every tracked run of a
/// trial, in a sweep or alone. The loss curve is left out of sweeps: MLflow draws it from the metrics.
/// </summary>
public static class TrialFiles
{
    /// <summary>Writes the trial's files; returns their paths.</summary>
    /// <param name="directory">Where to write (created when missing).</param>
    /// <param name="trial">The trial.</param>
    /// <param name="result">What it produced.</param>
    /// <param name="services">The engine's services (to sample the objective's surface).</param>
    /// <param name="lossPicture">Also draw <see cref="RunKeys.Artifacts.LossPicture"/>.</param>
    public static IReadOnlyList<string> Write(string directory, ResolvedTrial trial, TrialResult result, IServiceProvider services, bool lossPicture)
    {
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        string In(string name) => Path.Combine(directory, name);

        File.WriteAllText(In(RunKeys.Artifacts.Result), Json.Write(TrialReport.From(trial, result)));
        files.Add(In(RunKeys.Artifacts.Result));
        File.WriteAllText(In(RunKeys.Artifacts.History), HistoryCsv(result, ParameterLabels(result), trial.UsesData));
        files.Add(In(RunKeys.Artifacts.History));

        string title = Title(trial);
        var finite = result.History.Where(p => double.IsFinite(p.Loss)).ToArray();
        if (lossPicture && finite.Length > 0)
        {
            var x = finite.Select(p => trial.UsesData ? p.Epoch : p.Step).ToArray();
            LossCurvePlot.SavePng(In(RunKeys.Artifacts.LossPicture), [new LossSeries("", x, finite.Select(p => p.Loss).ToArray())], trial.UsesData ? "epoch" : "step", title);
            files.Add(In(RunKeys.Artifacts.LossPicture));
        }

        if (!trial.UsesData)
        {
            var path = result.History.Where(p => p.Params is not null).Select(p => p.Params!).ToArray();
            var surface = SurfaceSampler.Sample(services, trial, path);
            if (surface is not null)
            {
                var drawn = result.History.Where(p => p.Params is not null && p.Params.All(double.IsFinite) && double.IsFinite(p.Loss)).ToArray();
                TrajectoryPlot.SavePng(In(RunKeys.Artifacts.TrajectoryPicture), surface, drawn.Select(p => p.Params!).ToArray(), drawn.Select(p => p.Loss).ToArray(), title);
                files.Add(In(RunKeys.Artifacts.TrajectoryPicture));
            }
        }

        return files;
    }

    /// <summary>One name per parameter value kept in the result: <c>x[0]</c>, <c>w[3]</c>, <c>b</c> (none when the values were not kept).</summary>
    public static IReadOnlyList<string> ParameterLabels(TrialResult result) => result.FinalParams.Count == 0 ? [] :
        result.ParameterNames
            .SelectMany(p => p.Elements == 1 ? [p.Name] : Enumerable.Range(0, (int)p.Elements).Select(i => $"{p.Name}[{i}]"))
            .ToArray();

    /// <summary>A one-line description of the trial: optimizer and hyperparameters, objective and its settings.</summary>
    public static string Title(ResolvedTrial trial)
    {
        string Settings(ResolvedComponent c, params string[] skip) =>
            string.Join(", ", c.Options.Values.Where(v => !skip.Contains(v.Key)).Select(v => $"{v.Key}={v.Value}"));
        string objective = Settings(trial.Objective, "start", "noise_mean", "noise_std");
        return $"{trial.Optimizer.Id} ({Settings(trial.Optimizer)}) on {trial.Objective.Id}{(objective.Length > 0 ? $" ({objective})" : "")}" +
               (trial.Dataset is null ? "" : $" / {trial.Dataset.Id}");
    }

    /// <summary>The history as CSV: step, samples, epoch, loss, then one column per parameter value for analytic objectives.</summary>
    public static string HistoryCsv(TrialResult result, IReadOnlyList<string> paramNames, bool usesData)
    {
        var csv = new StringBuilder();
        csv.Append("step,samples,epoch,loss");
        if (!usesData)
        {
            foreach (string name in paramNames)
            {
                csv.Append(',').Append(name);
            }
        }

        csv.Append('\n');
        foreach (var point in result.History)
        {
            csv.Append(point.Step.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(point.Samples.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(ValueFormat.Number(point.Epoch)).Append(',')
                .Append(ValueFormat.Number(point.Loss));
            if (!usesData && point.Params is not null)
            {
                foreach (double value in point.Params)
                {
                    csv.Append(',').Append(ValueFormat.Number(value));
                }
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }
}
