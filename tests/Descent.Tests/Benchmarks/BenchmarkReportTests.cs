using Descent.Benchmarks.Expansion;
using Descent.Benchmarks.Files;
using Descent.Benchmarks.Reading;
using Descent.Benchmarks.Reporting;
using Descent.Benchmarks.Running;
using Descent.Tests.Plotting;
using Descent.Tests.Support;

namespace Descent.Tests.Benchmarks;

/// <summary>
/// The benchmark report: every picture kind of the shipped quick benchmark (its real plan, with made-up curves, so it
/// runs in seconds), the ranks and the comparison with the baseline on a constructed case.
/// </summary>
public sealed class BenchmarkReportTests
{
    [Test]
    public void The_report_of_the_quick_benchmark_renders_every_picture_kind()
    {
        using var scratch = new ScratchDirectory();
        var plan = BenchmarkExpander.Expand(BenchmarkFileParser.Load(Path.Combine(Repository.Root, "benchmarks", "quick.yaml")), TestEngine.Catalog);
        var scores = BenchmarkScoring.Score(plan, MadeUpCurves.For(plan));

        var files = BenchmarkReportWriter.Write(scores, scratch.File("report"));

        var workloads = plan.File.Workloads.Select(w => w.Name).ToArray();
        var expected = new[] { "profile.png", "profile-seconds.png", "time-to-target.png", "ranks.png" }
            .Concat(workloads.SelectMany(w => new[] { $"budget-{w}.png", $"sensitivity-{w}.png" }))
            .ToArray();
        Assert.That(scores.MissingTrials, Is.EqualTo(0));
        Assert.That(files.Pictures.Select(Path.GetFileName), Is.EquivalentTo(expected));
        string html = File.ReadAllText(files.Html);
        string markdown = File.ReadAllText(files.Markdown);
        foreach (string picture in files.Pictures)
        {
            var (width, height) = PngHeader.Size(picture);
            Assert.That(width, Is.GreaterThanOrEqualTo(720), picture);
            Assert.That(height, Is.GreaterThanOrEqualTo(380), picture);
            Assert.That(markdown, Does.Contain($"({Path.GetFileName(picture)})"));
        }

        Assert.That(html.Split("src=\"data:image/png;base64,").Length - 1, Is.EqualTo(expected.Length), "every picture is embedded in the page");
        foreach (string section in new[] { "Performance profile", "Time to target", "Ranks", "Against the baseline (sgd)", "Budget curves", "Learning-rate sensitivity" })
        {
            Assert.That(markdown, Does.Contain($"## {section}"));
        }
    }

    [Test]
    public void Ranks_and_the_baseline_comparison_follow_the_curves()
    {
        var scores = Scores(BenchmarkFiles.Text("ranked").Replace("rerun_seeds: [100, 101]", "rerun_seeds: [100, 101, 102]"));

        // Made-up curves: the later an optimizer is listed, the slower it converges, on every workload.
        var ranks = BenchmarkComparisons.Ranks(scores)!;
        Assert.That(ranks.Overall.Select(o => (o.Optimizer, o.MeanRank, o.Wins)), Is.EqualTo(new[] { ("sgd", 1.0, 2), ("momentum", 2.0, 0) }));

        // momentum's reruns end with a higher loss than sgd's on every paired (study, seed): resolved, worse.
        var comparison = BenchmarkComparisons.AgainstBaseline(scores, "quadratic").Single();
        var sgd = scores.Cells.Single(c => c.Cell.Name == "quadratic / sgd").Reruns;
        var momentum = scores.Cells.Single(c => c.Cell.Name == "quadratic / momentum").Reruns;
        double mean = momentum.Zip(sgd, (m, s) => m.BestValidation - s.BestValidation).Average();
        Assert.That(comparison.Baseline, Is.EqualTo("sgd"));
        Assert.That(comparison.Result!.Seeds, Has.Count.EqualTo(6));
        Assert.That(comparison.Result.MeanDifference, Is.EqualTo(mean).Within(1e-12));
        Assert.That(mean, Is.GreaterThan(0));
        Assert.That(comparison.Result.Resolved, Is.True);
        string markdown = BenchmarkMarkdown.Write("ranked", "", BenchmarkReport.Blocks(scores, new Dictionary<string, PictureBlock>()));
        Assert.That(markdown, Does.Contain("| momentum |").And.Contain("worse than sgd"));
    }

    [Test]
    public void Fewer_than_five_paired_reruns_are_shown_but_not_called_resolved()
    {
        var scores = Scores(BenchmarkFiles.Text("few"));

        var comparison = BenchmarkComparisons.AgainstBaseline(scores, "quadratic").Single();
        string markdown = BenchmarkMarkdown.Write("few", "", BenchmarkReport.Blocks(scores, new Dictionary<string, PictureBlock>()));

        Assert.That(comparison.Result!.Seeds, Has.Count.EqualTo(4));
        Assert.That(comparison.Result.Resolved, Is.True, "the interval alone excludes 0");
        Assert.That(markdown, Does.Contain("too few paired reruns to tell (4; at least 5: more rerun seeds or studies)").And.Not.Contain("worse than sgd"));
    }

    private static BenchmarkScores Scores(string text)
    {
        var plan = BenchmarkExpander.Expand(BenchmarkFileParser.Parse("bench.yaml", text), TestEngine.Catalog);
        return BenchmarkScoring.Score(plan, MadeUpCurves.For(plan));
    }

    [Test]
    public void A_baseline_that_is_not_an_optimizer_is_refused_with_the_names()
    {
        string text = BenchmarkFiles.Text("wrong").Replace("rerun_seeds: [100, 101]", "rerun_seeds: [100, 101]\n  baseline: adam");

        var error = Assert.Throws<Descent.Sweeps.Files.ExperimentFileException>(() => BenchmarkExpander.Expand(BenchmarkFileParser.Parse("bench.yaml", text), TestEngine.Catalog));

        Assert.That(error!.Message, Does.Contain("protocol.baseline 'adam' is not one of the optimizers (sgd, momentum)"));
    }

    /// <summary>Curves for every trial of a plan: each optimizer converges at its own rate (slower the later it is listed).</summary>
    private static class MadeUpCurves
    {
        public static IReadOnlyDictionary<string, RunCurve> For(BenchmarkPlan plan)
        {
            var optimizers = plan.Cells.Select(c => c.OptimizerName).Distinct().ToList();
            var curves = plan.Tuning.ToDictionary(t => t.Sweep.Identity, t => Curve(t, optimizers.IndexOf(t.Cell.OptimizerName)), StringComparer.Ordinal);
            foreach (var study in StudySelection.Studies(plan))
            {
                foreach (var rerun in plan.Reruns(StudySelection.Best(study, curves, out _)!))
                {
                    curves[rerun.Sweep.Identity] = Curve(rerun, optimizers.IndexOf(rerun.Cell.OptimizerName));
                }
            }

            return curves;
        }

        private static RunCurve Curve(BenchmarkTrial trial, int optimizer)
        {
            var target = trial.Cell.Workload.Target;
            double rate = 0.3 / (1 + (0.3 * optimizer)) * (1 + (0.1 * (trial.Number % 3))) * (1 + (0.01 * (trial.Sweep.Trial.Seed % 7)));
            var steps = Enumerable.Range(1, 20).Select(k => 10L * k).ToArray();
            var values = steps.Select(step => 1 - Math.Exp(-rate * step / 10.0)).Select(p => target.Maximize ? target.Value * (0.5 + (0.6 * p)) : target.Value * (3 - (2.5 * p)));
            if (optimizer == 1 && trial.Number == 0 && !trial.Rerun)
            {
                values = values.Select(_ => double.NaN);
            }

            var selection = steps.Zip(values, (s, v) => new MetricPoint(s, v)).ToArray();
            var seconds = steps.Select(s => new MetricPoint(s, s * 0.01 * (1 + optimizer))).ToArray();
            return new RunCurve(trial.Sweep.Identity, true, selection, seconds, trial.Cell.Workload.TestMetric is null ? null : selection[^1].Value, 1.0);
        }
    }
}
