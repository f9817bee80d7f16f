using Descent.Engine.Targets;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Files;
using Descent.Tests.Support;

namespace Descent.Tests.Targets;

/// <summary><c>target:</c> in experiment files: the file's for every entry, an entry's own winning, and each problem at its line.</summary>
public sealed class TargetFileTests
{
    private const string File = """
        name: targets
        objective: { id: logistic-regression }
        dataset: { id: mnist, args: { valid_rows: 200 } }
        training: { epochs: 2, batch_size: 25, eval_every: 50 }
        target: { metric: valid/accuracy, value: 0.5 }
        optimizers:
          - id: torch-sgd
            hyperparameters: { lr: 0.5 }
          - id: adam
            hyperparameters: { lr: 0.01 }
            target: { metric: valid/loss, value: 1.5, stop: true }
        """;

    [Test]
    public void The_file_s_target_goes_to_every_entry_and_an_entry_s_own_wins()
    {
        var file = ExperimentFileParser.Parse("targets.yaml", File);

        Assert.That(file.Problems, Is.Empty);
        Assert.That(file.Target, Is.EqualTo(new TrialTarget("valid/accuracy", 0.5, TargetMode.Max)));
        Assert.That(file.Optimizers[1].Target, Is.EqualTo(new TrialTarget("valid/loss", 1.5, TargetMode.Min, Stop: true)));
        var plan = SweepExpander.Expand(file, TestEngine.Catalog);
        Assert.That(plan.Trials.Select(t => t.Trial.Target), Is.EqualTo(new[] { file.Target, file.Optimizers[1].Target }));
    }

    [Test]
    public void A_target_without_stop_changes_no_identity_and_one_with_stop_changes_only_its_trials()
    {
        string without = File.Replace("target: { metric: valid/accuracy, value: 0.5 }\n", "", StringComparison.Ordinal)
            .Replace("\n    target: { metric: valid/loss, value: 1.5, stop: true }", "", StringComparison.Ordinal);
        var with = SweepExpander.Expand(ExperimentFileParser.Parse("targets.yaml", File), TestEngine.Catalog).Trials.Select(t => t.Identity).ToArray();
        var plain = SweepExpander.Expand(ExperimentFileParser.Parse("targets.yaml", without), TestEngine.Catalog).Trials.Select(t => t.Identity).ToArray();

        Assert.That(with[0], Is.EqualTo(plain[0]));
        Assert.That(with[1], Is.Not.EqualTo(plain[1]));
    }

    [Test]
    public void A_mode_overrides_the_direction_the_name_implies()
    {
        var file = ExperimentFileParser.Parse("targets.yaml", File.Replace("value: 0.5 }", "value: 0.5, mode: min }", StringComparison.Ordinal));

        Assert.That(file.Target, Is.EqualTo(new TrialTarget("valid/accuracy", 0.5, TargetMode.Min)));
    }

    [TestCase("target: { metric: valid/accuracy, value: high }", "targets.yaml:5:42: target value 'high' is not a finite number; give one, e.g. valid/accuracy=0.9")]
    [TestCase("target: { metric: valid/accuracy, value: 0.5, mode: up }", "targets.yaml:5:53: target mode 'up' is neither max nor min; max: reached at >= value (accuracies), min: at <= value (losses)")]
    [TestCase("target: { metric: valid/f1, value: 0.5 }", "targets.yaml:5:19: target metric 'valid/f1' names neither an accuracy nor a loss, so whether it is reached from above or below is unknown; add mode: max or mode: min")]
    [TestCase("target: { metric: valid/accuracy }", "targets.yaml:5:9: 'target' needs a metric and a value, e.g. target: { metric: valid/accuracy, value: 0.9 }")]
    [TestCase("target: { metric: valid/accuracy, value: 0.5, stop: yes }", "targets.yaml:5:53: 'target stop' = 'yes' is not true or false")]
    [TestCase("target: { metric: valid/accuracy, valeu: 0.5 }", "targets.yaml:5:35: unknown key 'valeu' in target; expected one of: metric, value, mode, stop")]
    [TestCase("target: 0.9", "targets.yaml:5:9: 'target' must be a mapping, e.g. target: { metric: valid/accuracy, value: 0.9 } (optional: mode: max|min, stop: true)")]
    public void Each_problem_is_reported_at_its_line_with_what_to_write(string target, string expected)
    {
        var file = ExperimentFileParser.Parse("targets.yaml", File.Replace("target: { metric: valid/accuracy, value: 0.5 }", target, StringComparison.Ordinal));

        Assert.That(file.Problems.Select(p => p.ToString()), Has.Some.EqualTo(expected));
    }
}
