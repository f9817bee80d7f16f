using System.Text.RegularExpressions;
using Descent.Reports.Pictures;
using Descent.Reports.Reading;
using Descent.Reports.Statistics;
using Descent.Reports.Writing;
using Descent.Runs;
using Descent.Tracking.Stores;

namespace Descent.Reports;

/// <summary>
/// Makes a sweep's comparison report from the tracking store: reads the runs, groups them, computes each
/// configuration's statistics, draws the pictures, and writes <c>index.html</c> (self-contained),
/// <c>report.md</c> and the PNG files into one directory.
/// </summary>
/// <example>
/// <code>
/// var files = await SweepReportWriter.WriteAsync(store, ReportSource.ForPlan(plan), "out/ch7-airfoil", new ReportEngine(catalog, services));
/// await tracking.CompleteAsync(false, [(file.Path, RunKeys.Artifacts.ExperimentFile), .. files.Artifacts()]);
/// </code>
/// </example>
public static partial class SweepReportWriter
{
    /// <summary>The HTML page's file name.</summary>
    public const string HtmlFile = "index.html";

    /// <summary>The Markdown summary's file name.</summary>
    public const string MarkdownFile = "report.md";

    /// <summary>Reads the runs <paramref name="source"/> names and writes their report into <paramref name="directory"/>.</summary>
    /// <param name="store">The tracking store.</param>
    /// <param name="source">The sweep (from its file) or the experiment.</param>
    /// <param name="directory">Where to write (created when missing; files of the same names are replaced).</param>
    /// <param name="engine">The plugins, for trajectory panels; null for none.</param>
    /// <param name="time">The clock for the report's date; null for the system's.</param>
    /// <param name="cancellation">Stops the reading.</param>
    /// <exception cref="ReportException">No such experiment, or nothing of the sweep in it.</exception>
    public static async Task<ReportFiles> WriteAsync(
        ITrackingStore store, ReportSource source, string directory, ReportEngine? engine, TimeProvider? time = null, CancellationToken cancellation = default)
    {
        var runs = await SweepRunsReader.ReadAsync(store, source, cancellation).ConfigureAwait(false);
        return Write(runs, directory, engine, (time ?? TimeProvider.System).GetUtcNow());
    }

    /// <summary>Writes the report of runs already read.</summary>
    public static ReportFiles Write(SweepRuns runs, string directory, ReportEngine? engine, DateTimeOffset generated)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(directory);
        RemoveEarlierPictures(directory);
        var groups = RunGrouping.Group(runs.Runs);
        var notes = new List<string>();
        var pictures = new List<ReportPicture>();
        foreach (var group in groups)
        {
            pictures.AddRange(LossPictures.Write(group, directory));
            pictures.AddRange(AccuracyPictures.Write(group, directory));
            pictures.AddRange(LearningRatePictures.Write(group, directory));
            pictures.AddRange(TrajectoryPanels.Write(group, directory, engine, notes));
        }

        var report = new SweepReport(runs, groups, pictures, notes, generated);
        string html = Path.Combine(directory, HtmlFile);
        string markdown = Path.Combine(directory, MarkdownFile);
        File.WriteAllText(html, HtmlReportWriter.Write(report, name => File.ReadAllBytes(Path.Combine(directory, name))));
        File.WriteAllText(markdown, MarkdownReportWriter.Write(report));
        return new ReportFiles(directory, html, markdown, pictures.Select(p => Path.Combine(directory, p.FileName)).ToArray());
    }

    /// <summary>
    /// Deletes the pictures an earlier report left in the directory (by their names only: <c>loss-3-2.png</c>,
    /// <c>lr-1.png</c>, <c>trajectory-4-7.png</c>, <c>accuracy-2.png</c>), so that a smaller sweep leaves no stale picture beside its page.
    /// </summary>
    private static void RemoveEarlierPictures(string directory)
    {
        foreach (string file in Directory.EnumerateFiles(directory, "*.png"))
        {
            if (PictureName().IsMatch(Path.GetFileName(file)))
            {
                File.Delete(file);
            }
        }
    }

    [GeneratedRegex(@"^(loss|lr|trajectory|accuracy)-\d+(-\d+)?\.png$")]
    private static partial Regex PictureName();
}
