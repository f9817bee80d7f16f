using Descent.Reports.Statistics;

namespace Descent.Tests.Reports;

/// <summary>Which runs share a picture and a table, and in what order their configurations are listed.</summary>
public sealed class RunGroupingTests
{
    [Test]
    public void Runs_with_other_training_settings_form_their_own_groups_in_sweep_order()
    {
        // ch7-airfoil: batch 1500 for 6 epochs and batch 1 have other x ranges than the batch-10 runs.
        var runs = new[]
        {
            ReportRuns.Finished("sgd batch 1500 lr=1", 0.245, ReportRuns.Airfoil("sgd", "1", batch: 1500, epochs: 6)),
            ReportRuns.Finished("sgd batch 1500 lr=1", 0.246, ReportRuns.Airfoil("sgd", "1", batch: 1500, epochs: 6, seed: 1)),
            ReportRuns.Finished("sgd batch 1 lr=0.005", 0.244, ReportRuns.Airfoil("sgd", "0.005", batch: 1)),
            ReportRuns.Finished("sgd lr=0.05", 0.2445, ReportRuns.Airfoil("sgd", "0.05")),
            ReportRuns.Finished("adam lr=0.01", 0.243, ReportRuns.Airfoil("adam", "0.01")),
            ReportRuns.Finished("sgd lr=0.05", 0.2446, ReportRuns.Airfoil("sgd", "0.05", seed: 1)),
        };

        var groups = RunGrouping.Group(runs);

        Assert.That(groups.Select(g => g.Title), Is.EqualTo(new[]
        {
            "linear-regression on airfoil, 6 epochs, batch 1500",
            "linear-regression on airfoil, 2 epochs, batch 1",
            "linear-regression on airfoil, 2 epochs, batch 10",
        }));
        Assert.That(groups.Select(g => g.Number), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(groups.Select(g => g.Configurations.Select(c => c.Label).ToArray()), Is.EqualTo(new[]
        {
            new[] { "sgd batch 1500 lr=1" }, new[] { "sgd batch 1 lr=0.005" }, new[] { "sgd lr=0.05", "adam lr=0.01" },
        }));
        Assert.That(groups[0].Configurations[0].Runs, Has.Count.EqualTo(2), "both seeds of the configuration");
        Assert.That(groups[2].Configurations[0].Statistics.FinalLoss!.Mean, Is.EqualTo(0.24455).Within(1e-15));
        Assert.That(groups.Select(g => g.UsesData), Is.All.True);
    }

    [Test]
    public void Objective_settings_that_differ_between_groups_name_them()
    {
        var runs = new[]
        {
            ReportRuns.Finished("gd lr=0.1", 0.003, ReportRuns.Quadratic("sgd", "0.1", a: "1")),
            ReportRuns.Finished("gd lr=0.4", 0.089, ReportRuns.Quadratic("sgd", "0.4", a: "0.1")),
            ReportRuns.Finished("momentum lr=0.4", 0.0004, ReportRuns.Quadratic("momentum", "0.4", a: "0.1")),
        };

        var groups = RunGrouping.Group(runs);

        Assert.That(groups.Select(g => g.Title), Is.EqualTo(new[] { "quadratic2d (a=1), 20 steps", "quadratic2d (a=0.1), 20 steps" }));
        Assert.That(groups[1].Configurations.Select(c => c.Label), Is.EqualTo(new[] { "gd lr=0.4", "momentum lr=0.4" }));
        Assert.That(groups.Select(g => g.UsesData), Is.All.False);
    }

    [Test]
    public void An_optimizer_searched_over_many_learning_rates_is_listed_by_lr_and_others_keep_sweep_order()
    {
        string[] sampled = ["0.3", "0.001", "0.05", "0.0002"];
        var runs = sampled.Select(lr => ReportRuns.Finished($"sgd lr={lr}", 0.25, ReportRuns.Airfoil("sgd", lr)))
            .Concat(new[] { "0.2", "0.01", "0.1" }.Select(lr => ReportRuns.Finished($"adam lr={lr}", 0.25, ReportRuns.Airfoil("adam", lr))))
            .ToArray();

        var labels = RunGrouping.Group(runs)[0].Configurations.Select(c => c.Label);

        Assert.That(labels, Is.EqualTo(new[]
        {
            "sgd lr=0.0002", "sgd lr=0.001", "sgd lr=0.05", "sgd lr=0.3", // 4 > 3 rates: a search, by lr
            "adam lr=0.2", "adam lr=0.01", "adam lr=0.1",                  // 3 rates: as the file lists them
        }));
    }

    [Test]
    public void Labels_lose_the_objective_the_group_names_and_the_digits_a_random_draw_adds()
    {
        var run = ReportRuns.Finished("quadratic2d / sgd lr=0.00013023911882332145", 1, ReportRuns.Quadratic("sgd", "0.00013023911882332145", a: "1"));

        var configuration = RunGrouping.Group([run])[0].Configurations[0];

        Assert.That(configuration.Label, Is.EqualTo("quadratic2d / sgd lr=0.00013023911882332145"));
        Assert.That(configuration.DisplayLabel, Is.EqualTo("sgd lr=0.0001302"));
    }
}
