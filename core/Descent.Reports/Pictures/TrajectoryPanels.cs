using Descent.Engine.Trials;
using Descent.Plotting;
using Descent.Reports.Reading;
using Descent.Reports.Statistics;
using Descent.Runs.Files;

namespace Descent.Reports.Pictures;

/// <summary>
/// For a group of analytic objectives with 1 or 2 coordinates, one small panel per configuration, as the
/// chapter's <c>show_trace_2d</c> and <c>show_trace</c> draw them: the path of each finished seed over
/// the contours of f (2-D), or on the curve of f (1-D). The surface is sampled afresh from the run's
/// params, so a configuration whose plugin is not loaded here gets no panel (and a note saying so). A
/// search draws each optimizer's best configuration only (<see cref="PictureSelection"/>).
/// </summary>
public static class TrajectoryPanels
{
    /// <summary>Writes the panels into <paramref name="directory"/>; what could not be drawn goes to <paramref name="notes"/>.</summary>
    public static IReadOnlyList<ReportPicture> Write(RunGroup group, string directory, ReportEngine? engine, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(notes);
        if (group.UsesData || group.TrajectoryDimension == 0)
        {
            return [];
        }

        if (engine is null)
        {
            notes.Add($"{group.Title}: no trajectory panels (the report was made without the plugins that sample the objective)");
            return [];
        }

        var pictures = new List<ReportPicture>();
        var shown = PictureSelection.Of(group);
        for (int c = 0; c < group.Configurations.Count; c++)
        {
            var configuration = group.Configurations[c];
            if (!shown.Contains(configuration))
            {
                continue;
            }

            var runs = configuration.Runs.Where(r => r.Counts && r.Trajectory.Count > 0).ToArray();
            if (runs.Length == 0)
            {
                continue;
            }

            ResolvedTrial trial;
            try
            {
                trial = TrialResolver.Resolve(runs[0].Spec, engine.Catalog);
            }
            catch (TrialConfigurationException e)
            {
                notes.Add($"{configuration.Label}: no trajectory panel, its trial cannot be rebuilt here ({string.Join("; ", e.Errors)})");
                continue;
            }

            var paths = runs.Select(r => Path(r, runs.Length > 1)).ToArray();
            var surface = SurfaceSampler.Sample(engine.Services, trial, paths.SelectMany(p => p.Points).ToArray());
            if (surface is null)
            {
                notes.Add($"{configuration.Label}: no trajectory panel, objective '{trial.Objective.Id}' cannot be sampled as a 1-D or 2-D surface");
                continue;
            }

            string file = $"trajectory-{group.Number}-{c + 1}.png";
            string title = configuration.DisplayLabel;
            PngFile.Save(TrajectoryPlot.Create(surface, paths, title, titleSize: 12), System.IO.Path.Combine(directory, file), PlotStyle.PanelWidth, PlotStyle.PanelHeight);
            string seeds = runs.Length == 1 ? $"seed {runs[0].Seed}" : $"{runs.Length} seeds";
            pictures.Add(new ReportPicture(group.Number, PictureKind.Trajectory, file, title, PictureSelection.Note(group, shown.Count) +
                (group.TrajectoryDimension == 2 ? $"Path over the contours of f ({seeds})." : $"Iterates on the curve of f ({seeds}).")));
        }

        return pictures;
    }

    /// <summary>The finite iterates of a run, with f at each (the loss recorded at the same step).</summary>
    private static TrajectoryPath Path(ReportRun run, bool labeled)
    {
        var loss = run.Loss.Steps.Select((step, i) => (step, i)).ToDictionary(p => p.step, p => run.Loss.Loss[p.i]);
        var points = new List<IReadOnlyList<double>>();
        var values = new List<double>();
        for (int i = 0; i < run.Trajectory.Count; i++)
        {
            var point = run.Trajectory.Points[i];
            if (point.All(double.IsFinite) && loss.TryGetValue(run.Trajectory.Steps[i], out double value) && double.IsFinite(value))
            {
                points.Add(point);
                values.Add(value);
            }
        }

        return new TrajectoryPath(labeled ? $"seed {run.Seed}" : "", points, values);
    }
}
