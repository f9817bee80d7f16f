using Descent.Reports;
using Descent.Reports.Reading;
using Descent.Reports.Statistics;
using Descent.Reports.Writing;

namespace Descent.Tests.Reports;

/// <summary>
/// A classification sweep's report: the accuracy table's numbers, computed by hand from runs written into a store with
/// known accuracies and times to target; and no accuracy table or curves for a sweep without accuracies.
/// </summary>
public sealed class AccuracyReportTests
{
    [Test]
    public async Task The_accuracy_table_has_the_final_and_best_accuracies_and_the_median_time_to_target()
    {
        using var store = new SyntheticStore();
        string experiment = await store.ExperimentAsync("fmnist");
        // adam, 3 seeds: valid accuracy at samples 0, 100, 200 (the best is not always the last), test likewise.
        await store.AddTrialAsync(experiment, Adam(0, valid: [0.1, 0.80, 0.78], test: [0.1, 0.79, 0.77], reached: (10, 100, 1.5)));
        await store.AddTrialAsync(experiment, Adam(1, valid: [0.1, 0.70, 0.76], test: [0.1, 0.69, 0.75], reached: (20, 200, 3.0)));
        await store.AddTrialAsync(experiment, Adam(2, valid: [0.1, 0.60, 0.74], test: [0.1, 0.61, 0.73], reached: null));
        // sgd, 2 seeds, both reached the target.
        await store.AddTrialAsync(experiment, Sgd(0, valid: [0.1, 0.5, 0.9], test: [0.1, 0.5, 0.8], reached: (20, 200, 2.0)));
        await store.AddTrialAsync(experiment, Sgd(1, valid: [0.1, 0.5, 0.7], test: [0.1, 0.5, 0.6], reached: (10, 100, 1.0)));

        var runs = await SweepRunsReader.ReadAsync(store.Store, ReportSource.ForExperiment("fmnist"));
        var group = RunGrouping.Group(runs.Runs).Single();
        var adam = group.Configurations.Single(c => c.Label == "adam").Statistics.Accuracy!;

        Assert.Multiple(() =>
        {
            // Final valid: 0.78, 0.76, 0.74: mean 0.76, sd sqrt((0.02^2 + 0 + 0.02^2) / 2) = 0.02.
            Assert.That(adam.FinalValid!.Mean, Is.EqualTo(0.76).Within(1e-15));
            Assert.That(adam.FinalValid.StandardDeviation, Is.EqualTo(0.02).Within(1e-15));
            // Best valid: 0.80, 0.76, 0.74: mean 0.7666..., sd sqrt((0.0333^2 + 0.0067^2 + 0.0267^2) / 2) = sqrt(0.00093333) = 0.030551.
            Assert.That(adam.BestValid!.Mean, Is.EqualTo((0.80 + 0.76 + 0.74) / 3).Within(1e-15));
            Assert.That(adam.BestValid.StandardDeviation, Is.EqualTo(Math.Sqrt(0.0028 / 3)).Within(1e-12));
            Assert.That(adam.FinalTest!.Mean, Is.EqualTo(0.75).Within(1e-15));
            Assert.That(adam.BestTest!.Mean, Is.EqualTo((0.79 + 0.75 + 0.73) / 3).Within(1e-15));
            // Two of three seeds reached the target, at 100 and 200 samples: the median of two is their mean.
            Assert.That(adam.Target, Is.EqualTo(new TargetStatistics("valid/accuracy >= 0.75", 2, 3, 150, 15, 2.25)));
        });

        var table = AccuracyTable.Of(group)!;
        Assert.That(table.Header, Is.EqualTo(new[]
        {
            "configuration", "runs", "valid acc final", "sd", "valid acc best", "sd", "test acc final", "sd", "test acc best", "sd",
            "target", "reached", "median samples", "median steps", "median s",
        }));
        Assert.That(table.Rows, Is.EqualTo(new[]
        {
            new[] { "adam", "3", "0.7600", "0.02", "0.7667", "0.031", "0.7500", "0.02", "0.7567", "0.031", "valid/accuracy >= 0.75", "2 of 3", "150", "15", "2.25" },
            // sgd: final valid 0.9, 0.7 (mean 0.8, sd sqrt(0.02) = 0.14), best the same; test 0.8, 0.6 (0.7, 0.14).
            new[] { "sgd lr=0.1", "2", "0.8000", "0.14", "0.8000", "0.14", "0.7000", "0.14", "0.7000", "0.14", "valid/accuracy >= 0.75", "2 of 2", "150", "15", "1.5" },
        }));
        Assert.That(table.BestRow, Is.EqualTo(1), "the highest mean final valid accuracy");
    }

    [Test]
    public async Task The_report_of_a_classification_sweep_has_accuracy_curves_and_one_without_accuracies_has_none()
    {
        using var store = new SyntheticStore();
        string classification = await store.ExperimentAsync("classification");
        string regression = await store.ExperimentAsync("regression");
        for (int seed = 0; seed < 2; seed++)
        {
            await store.AddTrialAsync(classification, Adam(seed, valid: [0.1, 0.6 + (0.1 * seed), 0.8], test: [0.1, 0.6, 0.8], reached: (10, 100, 1.0)));
            await store.AddTrialAsync(regression, new SyntheticTrial { Seed = seed });
        }

        var withAccuracy = await SweepReportWriter.WriteAsync(store.Store, ReportSource.ForExperiment("classification"), store.Output("classification"), engine: null);
        var without = await SweepReportWriter.WriteAsync(store.Store, ReportSource.ForExperiment("regression"), store.Output("regression"), engine: null);

        Assert.That(withAccuracy.Pictures.Select(Path.GetFileName), Is.EqualTo(new[] { "loss-1.png", "accuracy-1.png" }));
        Assert.That(File.ReadAllText(withAccuracy.Markdown), Does.Contain("### Accuracy").And.Contain("| adam | 2 | 0.8000 | 0 | 0.8000 | 0 |"));
        Assert.That(File.ReadAllText(withAccuracy.Html), Does.Contain("<h3>Accuracy</h3>"));
        Assert.That(without.Pictures.Select(Path.GetFileName), Is.EqualTo(new[] { "loss-1.png" }));
        Assert.That(File.ReadAllText(without.Markdown), Does.Not.Contain("Accuracy"));
    }

    private static SyntheticTrial Adam(long seed, double[] valid, double[] test, (long, long, double)? reached) => new()
    {
        Configuration = "adam", Optimizer = "adam", LearningRate = null, Seed = seed, ValidAccuracy = valid, TestAccuracy = test,
        Target = ("valid/accuracy", "0.75"), TimeToTarget = reached, StartTime = 1_700_000_000_000 + (1000 * seed),
    };

    private static SyntheticTrial Sgd(long seed, double[] valid, double[] test, (long, long, double)? reached) => new()
    {
        Configuration = "sgd lr=0.1", Seed = seed, ValidAccuracy = valid, TestAccuracy = test, Target = ("valid/accuracy", "0.75"), TimeToTarget = reached,
        StartTime = 1_700_000_100_000 + (1000 * seed),
    };
}
