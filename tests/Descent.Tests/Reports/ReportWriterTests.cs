using System.Text.RegularExpressions;
using Descent.Reports;
using Descent.Reports.Reading;
using Descent.Tracking.Model;

namespace Descent.Tests.Reports;

/// <summary>The HTML page and the Markdown summary of a report made from runs with known numbers.</summary>
public sealed partial class ReportWriterTests
{
    private static readonly DateTimeOffset Made = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task The_markdown_table_has_one_row_per_configuration_with_its_numbers()
    {
        using var store = new SyntheticStore();
        var files = await WriteAsync(store);
        string[] lines = await File.ReadAllLinesAsync(files.Markdown);

        Assert.That(lines, Does.Contain("| configuration | runs | final loss mean | sd | best | worst | diverged | failed | s / epoch |"));
        Assert.That(lines, Does.Contain("|---|---:|---:|---:|---:|---:|---:|---:|---:|"));
        // sgd: seeds 1, 2, 3, 4 finished (mean 2.5, sd sqrt(5/3) = 1.29), one diverged, one failed; the lowest mean is bold.
        Assert.That(lines, Does.Contain("| sgd lr=0.1 | 4 of 6 | 2.500 | 1.3 | 1.000 | 4.000 | 1 | 1 | 0.025 |"));
        Assert.That(lines, Does.Contain("| adam lr=0.01 | 2 | **0.2450** | 0.0071 | 0.2400 | 0.2500 | 0 | 0 | 0.02 |"));
        Assert.That(lines, Does.Contain("## 1. linear-regression on airfoil, 2 epochs, batch 10"));
    }

    [Test]
    public async Task The_markdown_links_the_pictures_next_to_it_and_lists_what_is_left_out()
    {
        using var store = new SyntheticStore();
        var files = await WriteAsync(store);
        string markdown = await File.ReadAllTextAsync(files.Markdown);

        var links = LinkPattern().Matches(markdown).Select(m => m.Groups[1].Value).ToArray();
        Assert.That(links, Is.EqualTo(new[] { "loss-1.png" }));
        Assert.That(links.Select(l => Path.Combine(files.Directory, l)), Is.All.Matches<string>(File.Exists));
        Assert.That(markdown, Does.Contain("trial-0004 (sgd lr=0.1, seed 4, run ").And.Contain("): diverged"));
        Assert.That(markdown, Does.Contain("trial-0005 (sgd lr=0.1, seed 5, run ").And.Contain("): failed: out of memory"));
        Assert.That(markdown, Does.Contain("kept out of the loss numbers"));
    }

    [Test]
    public async Task The_html_page_is_self_contained()
    {
        using var store = new SyntheticStore();
        var files = await WriteAsync(store);
        string html = await File.ReadAllTextAsync(files.Html);

        var sources = SourcePattern().Matches(html).Select(m => m.Groups[1].Value).ToArray();
        Assert.That(sources, Is.Not.Empty);
        Assert.That(sources, Is.All.StartsWith("data:image/png;base64,"), "every picture is embedded");
        Assert.That(sources.Select(s => Convert.FromBase64String(s["data:image/png;base64,".Length..])[..4]), Is.All.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));
        Assert.That(HrefPattern().Matches(html).Select(m => m.Groups[1].Value), Is.All.StartsWith("#"), "links stay inside the page");
        Assert.That(SourcePattern().Replace(html, "src=\"\""), Does.Not.Contain("http").IgnoreCase, "no address outside the embedded pictures");
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<link").And.Not.Contain("url(").And.Not.Contain("@import"));
        Assert.That(html, Does.Contain("<td class=\"num\">2.500</td>").And.Contain("<td class=\"num\">1.3</td>"));
        Assert.That(html, Does.Contain(store.Root), "the tracking location");
        Assert.That(html, Does.Contain("2025-03-01 12:00:00 UTC"), "the date it was made");
    }

    [Test]
    public void Pictures_an_earlier_report_left_are_removed_and_other_files_kept()
    {
        using var temp = new Tracking.Support.TempDirectory();
        File.WriteAllText(Path.Combine(temp.Path, "trajectory-9-9.png"), "stale");
        File.WriteAllText(Path.Combine(temp.Path, "loss-3-2.png"), "stale");
        File.WriteAllText(Path.Combine(temp.Path, "notes.png"), "mine");
        var runs = new SweepRuns(
            new Experiment("1", "local", "", "active"), "file:///tmp/mlruns", null, null, null, null, null, null,
            [ReportRuns.Finished("sgd lr=0.1", 0.25, ReportRuns.Airfoil("sgd", "0.1"))], []);

        var files = SweepReportWriter.Write(runs, temp.Path, null, Made);

        Assert.That(Directory.GetFiles(temp.Path).Select(Path.GetFileName), Is.EquivalentTo(new[] { "index.html", "report.md", "loss-1.png", "notes.png" }));
        Assert.That(files.Pictures.Select(Path.GetFileName), Is.EqualTo(new[] { "loss-1.png" }));
    }

    [Test]
    public void A_tracking_location_with_credentials_is_shown_without_them()
    {
        var runs = new SweepRuns(
            new Experiment("1", "remote", "", "active"), "https://alice:secret@mlflow.example.org/?token=abc", null, null, null, null, null, null,
            [ReportRuns.Finished("sgd lr=0.1", 0.25, ReportRuns.Airfoil("sgd", "0.1"))], []);
        using var temp = new Tracking.Support.TempDirectory();

        var files = SweepReportWriter.Write(runs, temp.Path, null, Made);

        foreach (string file in new[] { files.Html, files.Markdown })
        {
            string text = File.ReadAllText(file);
            Assert.That(text, Does.Contain("mlflow.example.org").And.Not.Contain("secret").And.Not.Contain("alice").And.Not.Contain("token"));
        }
    }

    private static async Task<ReportFiles> WriteAsync(SyntheticStore store)
    {
        string experiment = await store.ExperimentAsync("writer");
        await store.AddParentAsync(experiment, "sweep-1", "writer", 8, RunStatus.Finished, 1);
        double[] finals = [1, 2, 3, 4];
        for (int seed = 0; seed < 4; seed++)
        {
            await store.AddTrialAsync(experiment, Trial(seed, "sgd lr=0.1") with { Losses = [5, 3, finals[seed]], SecondsPerEpoch = 0.01 * (seed + 1) });
        }

        await store.AddTrialAsync(experiment, Trial(4, "sgd lr=0.1") with { Outcome = "diverged", Losses = [5, double.NaN] });
        await store.AddTrialAsync(experiment, Trial(5, "sgd lr=0.1") with { Outcome = "failed", Status = RunStatus.Failed, Losses = [], Error = "out of memory" });
        await store.AddTrialAsync(experiment, Trial(6, "adam lr=0.01") with { Optimizer = "adam", LearningRate = "0.01", Losses = [5, 1, 0.24], SecondsPerEpoch = 0.02 });
        await store.AddTrialAsync(experiment, Trial(7, "adam lr=0.01") with { Optimizer = "adam", LearningRate = "0.01", Losses = [5, 1, 0.25], SecondsPerEpoch = 0.02 });
        var runs = await SweepRunsReader.ReadAsync(store.Store, ReportSource.ForExperiment("writer"));
        return SweepReportWriter.Write(runs, store.Output("report"), null, Made);
    }

    private static SyntheticTrial Trial(int index, string configuration) => new()
    {
        Configuration = configuration, Seed = index, Sweep = "sweep-1", TrialIndex = index, TrialHash = $"hash-{index}", StartTime = 1000 + index,
    };

    [GeneratedRegex(@"!\[[^\]]*\]\(([^)]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("src=\"([^\"]*)\"")]
    private static partial Regex SourcePattern();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex HrefPattern();
}
