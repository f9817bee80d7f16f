using Descent.Benchmarks.Expansion;
using Descent.Benchmarks.Files;
using Descent.Sweeps.Files;
using Descent.Tests.Support;

namespace Descent.Tests.Benchmarks;

/// <summary>A benchmark file expands into the same trials every time; each trial depends on its study and number alone.</summary>
public sealed class BenchmarkExpansionTests
{
    private static BenchmarkPlan Expand(string text) => BenchmarkExpander.Expand(BenchmarkFileParser.Parse("bench.yaml", text), TestEngine.Catalog);

    [Test]
    public void Every_workload_optimizer_study_and_trial_is_one_tuning_trial()
    {
        var plan = Expand(BenchmarkFiles.Text());

        Assert.That(plan.Cells.Select(c => c.Name), Is.EqualTo(new[] { "quadratic / sgd", "quadratic / momentum", "rosenbrock / sgd", "rosenbrock / momentum" }));
        Assert.That(plan.Tuning, Has.Count.EqualTo(4 * 2 * 4));
        Assert.That(plan.Tuning.Select(t => t.Sweep.Identity), Is.Unique);
        Assert.That(plan.Tuning.Select(t => t.Sweep.Index), Is.EqualTo(Enumerable.Range(0, 32)));
        // A study trains with the benchmark's seed plus its index; its draws differ from the other study's.
        Assert.That(plan.Tuning.Where(t => t.Study == 0).Select(t => t.Sweep.Trial.Seed), Has.All.EqualTo(0));
        Assert.That(plan.Tuning.Where(t => t.Study == 1).Select(t => t.Sweep.Trial.Seed), Has.All.EqualTo(1));
        var sgdStudies = plan.Tuning.Where(t => t.Cell.Name == "quadratic / sgd").GroupBy(t => t.Study).Select(g => g.Select(t => t.Sweep.Trial.Spec.SampledHyperparameters["lr"]).ToArray()).ToArray();
        Assert.That(sgdStudies[0], Is.Not.EqualTo(sgdStudies[1]));
        Assert.That(sgdStudies.SelectMany(s => s).Cast<double>(), Has.All.InRange(0.0001, 0.01));
        // The same draws on every workload: a study's configurations are the optimizer's, not the workload's.
        var rosenbrock = plan.Tuning.Where(t => t.Cell.Name == "rosenbrock / sgd" && t.Study == 0).Select(t => t.Sweep.Trial.Spec.SampledHyperparameters["lr"]);
        Assert.That(rosenbrock, Is.EqualTo(sgdStudies[0]));
    }

    [Test]
    public void The_same_file_gives_the_same_trials_and_identities()
    {
        var first = Expand(BenchmarkFiles.Text());
        var second = Expand(BenchmarkFiles.Text());

        Assert.That(second.Tuning.Select(t => t.Sweep.Identity), Is.EqualTo(first.Tuning.Select(t => t.Sweep.Identity)));
        Assert.That(second.Sweep.Identity, Is.EqualTo(first.Sweep.Identity));
    }

    [Test]
    public void Changing_one_optimizers_search_space_changes_exactly_its_trials()
    {
        var before = Expand(BenchmarkFiles.Text());
        var after = Expand(BenchmarkFiles.Text().Replace("momentum: { uniform: [0.5, 0.95] }", "momentum: { uniform: [0.6, 0.95] }"));

        for (int i = 0; i < before.Tuning.Count; i++)
        {
            bool momentum = before.Tuning[i].Cell.OptimizerName == "momentum";
            Assert.That(after.Tuning[i].Sweep.Identity == before.Tuning[i].Sweep.Identity, Is.EqualTo(!momentum), before.Tuning[i].Sweep.Name);
        }
    }

    [Test]
    public void Removing_an_optimizer_keeps_the_others_trials()
    {
        var before = Expand(BenchmarkFiles.Text());
        string text = BenchmarkFiles.Text();
        int start = text.IndexOf("  - id: sgd", StringComparison.Ordinal);
        int end = text.IndexOf("  - id: momentum", StringComparison.Ordinal);
        var after = Expand(text.Remove(start, end - start));

        Assert.That(after.Tuning.Select(t => t.Sweep.Identity), Is.EquivalentTo(before.Tuning.Where(t => t.Cell.OptimizerName == "momentum").Select(t => t.Sweep.Identity)));
    }

    [Test]
    public void A_rerun_is_the_best_trial_with_a_rerun_seed_and_a_seed_equal_to_the_studys_runs_nothing_new()
    {
        var plan = Expand(BenchmarkFiles.Text().Replace("rerun_seeds: [100, 101]", "rerun_seeds: [1, 100]"));
        var best = plan.Tuning.First(t => t.Study == 1);

        var reruns = plan.Reruns(best);

        Assert.That(reruns, Has.Count.EqualTo(1), "seed 1 is study 1's own training seed");
        Assert.That(reruns[0].Sweep.Trial.Seed, Is.EqualTo(100));
        Assert.That(reruns[0].Sweep.Trial.Spec.Seed, Is.EqualTo(100));
        Assert.That(reruns[0].Sweep.Trial.Spec.SampledHyperparameters, Is.EqualTo(best.Sweep.Trial.Spec.SampledHyperparameters));
        Assert.That(reruns[0].Sweep.Identity, Is.EqualTo(Descent.Engine.Trials.TrialIdentity.Hash(reruns[0].Sweep.Trial)));
        Assert.That(reruns[0].Sweep.Index, Is.GreaterThanOrEqualTo(plan.Tuning.Count));
        Assert.That(reruns[0].Rerun, Is.True);
        Assert.That(reruns[0].Sweep.Group!.Key, Is.EqualTo(best.Sweep.Group!.Key));
    }

    [Test]
    public void A_target_on_a_test_metric_is_refused_because_selection_uses_validation_data()
    {
        var error = Assert.Throws<ExperimentFileException>(() => Expand(BenchmarkFiles.Text().Replace("metric: loss, goal: minimize, value: 0.5", "metric: test/accuracy, goal: maximize, value: 0.5")));

        Assert.That(error!.Message, Does.Contain("bench.yaml:12:23: workload 'rosenbrock'").And.Contain("the target metric 'test/accuracy' is a test metric; configurations are selected on validation data, never on test data (use e.g. 'valid/accuracy'"));
    }

    [Test]
    public void Every_problem_of_a_file_is_reported_at_its_line_with_the_plugins_problems()
    {
        string text = BenchmarkFiles.Text()
            .Replace("target: { metric: loss, goal: minimize, value: 0.01 }", "target: { metric: loss, goal: lower, value: 0.01 }")
            .Replace("- id: sgd", "- id: sgdd")
            .Replace("trials: 4", "trials: 0");

        var error = Assert.Throws<ExperimentFileException>(() => Expand(text));

        Assert.That(error!.Errors.Select(e => e.Location.Line), Is.Ordered);
        Assert.That(error.Message, Does.Contain("'target.goal' = 'lower' is not valid; use one of: minimize, maximize"));
        Assert.That(error.Message, Does.Contain("sgdd"));
        Assert.That(error.Message, Does.Contain("'trials' = '0' is not a positive integer"));
    }

    [Test]
    public void An_optimizer_entry_cannot_change_the_workloads_training()
    {
        string text = BenchmarkFiles.Text().Replace(
            "hyperparameters: { lr: { loguniform: [0.0001, 0.01] } }",
            "hyperparameters: { lr: { loguniform: [0.0001, 0.01] } }\n    training: { steps: 5 }");

        var error = Assert.Throws<ExperimentFileException>(() => Expand(text));

        Assert.That(error!.Message, Does.Contain("optimizer 'sgd': a benchmark trains every optimizer on the workload's own objective, dataset and training settings"));
    }

    [Test]
    public void A_missing_target_says_what_a_target_is()
    {
        var error = Assert.Throws<ExperimentFileException>(() => Expand(BenchmarkFiles.Text().Replace("    target: { metric: loss, goal: minimize, value: 0.01 }\n", "")));

        Assert.That(error!.Message, Does.Contain("workload 'quadratic' is missing 'target': the validation metric that selects configurations"));
    }
}
