using Descent.Reports.Reading;
using Descent.Reports.Statistics;
using Descent.Tracking.Model;

namespace Descent.Tests.Reports;

/// <summary>The numbers of a configuration, from runs written into a store with known final losses.</summary>
public sealed class ReportStatisticsTests
{
    [Test]
    public async Task A_configuration_has_the_exact_mean_and_sample_deviation_of_its_finished_seeds()
    {
        using var store = new SyntheticStore();
        string experiment = await store.ExperimentAsync("stats");
        double[] finals = [1, 2, 3, 4];
        for (int seed = 0; seed < finals.Length; seed++)
        {
            await store.AddTrialAsync(experiment, new SyntheticTrial { Seed = seed, Losses = [5, 3, finals[seed]], SecondsPerEpoch = 0.01 * (seed + 1) });
        }

        // A diverged seed and a failed one are counted, and kept out of the numbers.
        await store.AddTrialAsync(experiment, new SyntheticTrial { Seed = 4, Outcome = "diverged", Losses = [5, 1e30, double.NaN], SecondsPerEpoch = 9 });
        await store.AddTrialAsync(experiment, new SyntheticTrial { Seed = 5, Outcome = "failed", Status = RunStatus.Failed, Losses = [5], Error = "boom" });

        var runs = await SweepRunsReader.ReadAsync(store.Store, ReportSource.ForExperiment("stats"));
        var groups = RunGrouping.Group(runs.Runs);

        Assert.That(groups, Has.Count.EqualTo(1));
        Assert.That(groups[0].Configurations, Has.Count.EqualTo(1));
        var s = groups[0].Configurations[0].Statistics;
        Assert.Multiple(() =>
        {
            Assert.That(s.Runs, Is.EqualTo(6));
            Assert.That(s.Counted, Is.EqualTo(4));
            Assert.That(s.FinalLoss!.Mean, Is.EqualTo(2.5));
            // sqrt(((1.5^2 + 0.5^2) * 2) / (4 - 1)) = sqrt(5/3); the two-pass sum is exact for these values.
            Assert.That(s.FinalLoss.StandardDeviation, Is.EqualTo(Math.Sqrt(5.0 / 3.0)));
            Assert.That(s.FinalLoss.Min, Is.EqualTo(1));
            Assert.That(s.FinalLoss.Max, Is.EqualTo(4));
            Assert.That(s.Diverged, Is.EqualTo(1));
            Assert.That(s.Failed, Is.EqualTo(1));
            Assert.That(s.Running, Is.Zero);
            Assert.That(s.SecondsPerEpoch, Is.EqualTo(0.025).Within(1e-15), "the diverged seed's 9 s is left out");
        });
    }

    [Test]
    public void One_seed_has_no_standard_deviation()
    {
        var summary = SampleSummary.Of([0.2451]);

        Assert.That(summary, Is.EqualTo(new SampleSummary(1, 0.2451, null, 0.2451, 0.2451)));
    }

    [Test]
    public void No_values_have_no_summary() => Assert.That(SampleSummary.Of([]), Is.Null);

    [Test]
    public void The_deviation_of_values_that_agree_to_many_digits_keeps_its_digits()
    {
        // Losses near 0.2445 differing in the 5th digit: sum-of-squares formulas lose them; deviations from the mean do not.
        var summary = SampleSummary.Of([0.24450001, 0.24450003, 0.24450002])!;

        Assert.That(summary.Mean, Is.EqualTo(0.24450002).Within(1e-15));
        Assert.That(summary.StandardDeviation, Is.EqualTo(1e-8).Within(1e-15));
    }

    [Test]
    public async Task A_configuration_whose_seeds_all_diverged_has_no_loss_numbers()
    {
        using var store = new SyntheticStore();
        string experiment = await store.ExperimentAsync("diverged");
        await store.AddTrialAsync(experiment, new SyntheticTrial { Seed = 0, Outcome = "diverged", Losses = [5, double.PositiveInfinity] });
        await store.AddTrialAsync(experiment, new SyntheticTrial { Seed = 1, Outcome = "diverged", Losses = [5, double.NaN] });

        var runs = await SweepRunsReader.ReadAsync(store.Store, ReportSource.ForExperiment("diverged"));
        var s = RunGrouping.Group(runs.Runs)[0].Configurations[0].Statistics;

        Assert.That((s.Runs, s.Counted, s.Diverged, s.FinalLoss, s.SecondsPerEpoch), Is.EqualTo((2, 0, 2, (SampleSummary?)null, (double?)null)));
    }
}
