using Descent.Sweeps.Expansion;
using Descent.Sweeps.Files;
using Descent.Tests.Support;

namespace Descent.Tests.Sweeps;

/// <summary>The experiment files in experiments/ parse, expand and name what the reference asks for.</summary>
public sealed class ShippedExperimentsTests
{
    [TestCase("ch7-trajectories.yaml", 12)]
    [TestCase("ch7-airfoil.yaml", 16 * 5)]
    [TestCase("lr-sensitivity.yaml", 7 * 12 * 2)]
    [TestCase("optimizers-2d.yaml", 3 * ((11 * 3) + 1))]
    [TestCase("schedules-airfoil.yaml", 3 * (2 + 2 + 1))]
    [TestCase("fmnist-mlp.yaml", 5 * 3)]
    [TestCase("fmnist-mlp-quick.yaml", 2 * 3)]
    [TestCase("fmnist-2c2d.yaml", 5 * 3)]
    [TestCase("fmnist-2c2d-quick.yaml", 2 * 3)]
    [TestCase("noisy-quadratic.yaml", (3 + 2 + 2) * 2)]
    [TestCase("noisy-quadratic-quick.yaml", 3 * 2)]
    [TestCase("cifar10-3c3d.yaml", 5 * 3)]
    [TestCase("cifar10-3c3d-quick.yaml", 2 * 3)]
    public void The_experiment_expands(string file, int trials)
    {
        var plan = SweepExpander.Expand(ExperimentFileParser.Load(Path.Combine(Repository.Root, "experiments", file)), TestEngine.Catalog);

        Assert.That(plan.Trials, Has.Count.EqualTo(trials));
    }

    [Test]
    public void The_quick_mlp_experiment_measures_the_time_to_0_75_valid_accuracy_without_stopping()
    {
        var plan = SweepExpander.Expand(ExperimentFileParser.Load(Path.Combine(Repository.Root, "experiments", "fmnist-mlp-quick.yaml")), TestEngine.Catalog);

        Assert.That(plan.Trials.Select(t => t.Trial.Target), Has.All.EqualTo(new Engine.Targets.TrialTarget("valid/accuracy", 0.75, Engine.Targets.TargetMode.Max)));
    }

    [Test]
    public void The_schedule_experiment_sets_the_files_schedule_and_lets_an_entry_replace_it()
    {
        var plan = SweepExpander.Expand(ExperimentFileParser.Load(Path.Combine(Repository.Root, "experiments", "schedules-airfoil.yaml")), TestEngine.Catalog);

        var schedules = plan.Trials.Select(t => (t.Trial.Schedule!.Id, string.Join(" ", t.Trial.Schedule.Options.Values.Select(v => $"{v.Key}={v.Value}")))).Distinct().ToArray();
        Assert.That(schedules, Is.EqualTo(new[]
        {
            ("warmup-cosine", "warmup_steps=100 total_steps=1500 start_factor=0.01 eta_min=0 interval=step"),
            ("step", "step_size=3 gamma=0.5 interval=epoch"),
        }));
    }

    [Test]
    public void The_trajectory_experiment_holds_every_run_of_reference_section_1()
    {
        var plan = SweepExpander.Expand(ExperimentFileParser.Load(Path.Combine(Repository.Root, "experiments", "ch7-trajectories.yaml")), TestEngine.Catalog);

        Assert.That(plan.Configurations, Is.EqualTo(new[]
        {
            "gd on x^2 lr=0.2", "gd on x^2 lr=0.05", "gd on x^2 lr=1.1",
            "gd on x1^2 + 2 x2^2 lr=0.1", "sgd with gradient noise lr=0.1",
            "gd lr=0.4", "gd lr=0.6",
            "momentum lr=0.4 momentum=0.5", "momentum lr=0.6 momentum=0.5",
            "adagrad lr=0.4", "adagrad lr=2",
            "rmsprop lr=0.4 gamma=0.9",
        }));
    }
}
