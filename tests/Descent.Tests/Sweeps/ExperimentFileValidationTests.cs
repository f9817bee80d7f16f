using Descent.Sweeps.Expansion;
using Descent.Sweeps.Files;
using Descent.Tests.Support;

namespace Descent.Tests.Sweeps;

/// <summary>
/// Broken experiment files, one row each: the exact messages with their lines (every problem at once),
/// whether the problem is in the file's shape or in what it asks of the plugins.
/// </summary>
public sealed class ExperimentFileValidationTests
{
    private const string Good = """
        name: demo
        objective: { id: quadratic2d, args: { a: 0.1, start: [-5, -2] } }
        training: { steps: 20, dtype: float64 }
        seeds: 2
        optimizers:
          - id: sgd
            hyperparameters: { lr: [0.4, 0.6] }
          - id: momentum
            hyperparameters:
              lr: 0.4
              momentum: [0.5, 0.9]
        """;

    private static readonly TestCaseData[] Broken =
    [
        Case("not YAML at all", "name: [unclosed", "demo.yaml:2:1: not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'."),
        Case("a list at the top", "- a\n- b", "demo.yaml:1:1: an experiment file is a YAML mapping with at least 'name', 'objective' and 'optimizers'"),
        Case("missing sections", "name: x",
            "demo.yaml:1:1: missing 'objective': the objective every trial minimizes, e.g. 'objective: { id: quadratic2d }' (or 'objectives:' with a list)",
            "demo.yaml:1:1: missing 'optimizers': a list of optimizers, e.g. 'optimizers: [{ id: sgd, hyperparameters: { lr: [0.1, 0.01] } }]'"),
        Case("misspelt keys", Good.Replace("seeds: 2", "seed: 2").Replace("steps: 20", "step: 20"),
            "demo.yaml:3:13: unknown key 'step' in training (did you mean 'steps'?); expected one of: steps, epochs, batch_size, record_every, autograd, dtype, device, eval_every, eval_batch_size",
            "demo.yaml:4:1: unknown key 'seed' in experiment (did you mean 'seeds'?); expected one of: name, description, objective, objectives, dataset, schedule, training, seeds, search, optimizers, timeout, target"),
        Case("bad values", Good.Replace("seeds: 2", "seeds: -1").Replace("dtype: float64", "dtype: float16"),
            "demo.yaml:3:31: 'training.dtype' = 'float16' is not valid; use one of: float32, float64",
            "demo.yaml:4:8: 'seeds' = '-1': give a count (1 to 100000; seeds 0, 1, ...) or a list of non-negative integers"),
        Case("a distribution in a grid", Good.Replace("lr: [0.4, 0.6]", "lr: { loguniform: [0.001, 1] }"),
            "demo.yaml:7:28: hyperparameter 'lr' has a distribution, which only random and quasirandom search sample; give a list for a grid, or set 'search: { mode: quasirandom, samples: N }'"),
        Case("an unknown distribution", Good.Replace("lr: [0.4, 0.6]", "lr: { log_uniform: [0.001, 1] }"),
            "demo.yaml:7:28: hyperparameter 'lr': unknown distribution 'log_uniform' (did you mean 'loguniform'?); use one of: uniform, int_uniform, loguniform, choice"),
        Case("bounds outside the range", Good.Replace("lr: [0.4, 0.6]", "lr: { uniform: [-1, 1] }") + "\nsearch: { mode: random, samples: 3 }",
            "demo.yaml:7:28: hyperparameter 'lr': the distribution's bounds [-1, 1] leave its valid range [0, inf)"),
        Case("random search without samples", Good + "\nsearch: { mode: random }", "demo.yaml:12:9: random search needs 'samples': how many configurations to draw per optimizer entry"),
        Case("quasirandom search without samples", Good + "\nsearch: { mode: quasirandom }", "demo.yaml:12:9: quasirandom search needs 'samples': how many configurations to draw per optimizer entry"),
        Case("an unknown search mode", Good + "\nsearch: { mode: sobol, samples: 3 }", "demo.yaml:12:17: 'search.mode' = 'sobol' is not valid; use one of: grid, random, quasirandom"),
        Case("samples for a grid", Good + "\nsearch: { mode: grid, samples: 3 }",
            "demo.yaml:12:32: 'samples' applies to random and quasirandom search only; remove it or set 'mode: random' or 'mode: quasirandom'"),
        Case("unknown optimizer and hyperparameter", Good.Replace("id: sgd", "id: sgdd").Replace("momentum: [0.5, 0.9]", "beta: [0.5, 0.9]"),
            "demo.yaml:6:5: unknown optimizer 'sgdd' (did you mean 'sgd'?); available: adadelta, adagrad, adam, momentum, rmsprop, sam, sgd, torch-adadelta, torch-adagrad, torch-adam, torch-adamw, torch-lbfgs, torch-rmsprop, torch-sgd",
            "demo.yaml:11:13: optimizer 'momentum' has no hyperparameter 'beta'; valid names: lr, momentum"),
        Case("values out of range", Good.Replace("lr: [0.4, 0.6]", "lr: [0.4, -0.6]").Replace("momentum: [0.5, 0.9]", "momentum: [0.5, 1.0]"),
            "demo.yaml:7:28: optimizer 'sgd': invalid lr = -0.6; valid range is [0, inf)",
            "demo.yaml:11:17: optimizer 'momentum': invalid momentum = 1; valid range is [0, 1)"),
        Case("an unknown objective", Good.Replace("id: quadratic2d", "id: quadratic"),
            "demo.yaml:2:12: unknown objective 'quadratic' (did you mean 'quadratic2d'?); available: cnn-2c2d, cnn-3c3d, cube1d, linear-regression, logistic-regression, mlp-classifier, mlp-regression, noisy-quadratic, quadratic2d, rastrigin, rosenbrock, saddle2d, square1d, xcos1d"),
        Case("a start point of the wrong length", Good.Replace("start: [-5, -2]", "start: [-5, -2, 1]"),
            "demo.yaml:2:12: objective 'quadratic2d': start needs 2 comma-separated numbers, got '-5,-2,1'"),
        Case("epochs for an analytic objective", Good.Replace("steps: 20", "epochs: 2"),
            "demo.yaml:3:11: objective 'quadratic2d' is analytic (no data): give steps, not epochs or a batch size",
            "demo.yaml:3:11: objective 'quadratic2d' is analytic: give the number of steps (at least 1)"),
        Case("a repeated trial", Good.Replace("lr: [0.4, 0.6]", "lr: [0.4, 0.4]"),
            "demo.yaml:6:5: the same trial appears 2 times (trial-0000 sgd lr=0.4 seed=0); remove the repeated values",
            "demo.yaml:6:5: the same trial appears 2 times (trial-0001 sgd lr=0.4 seed=1); remove the repeated values"),
        Case("a repeated entry", Good + "\n  - id: sgd\n    hyperparameters: { lr: 0.4 }",
            "demo.yaml:12:5: the same trial appears 2 times (trial-0000 sgd lr=0.4 seed=0); remove the repeated values",
            "demo.yaml:12:5: the same trial appears 2 times (trial-0001 sgd lr=0.4 seed=1); remove the repeated values"),
        Case("a timeout that is not a duration", Good + "\ntimeout: soon",
            "demo.yaml:12:10: 'timeout' = 'soon' is not a duration; give a positive duration such as 90s, 5m or 2h (a plain number is seconds)"),
        Case("an entry's timeout that is not a duration", Good.Replace("hyperparameters: { lr: [0.4, 0.6] }", "hyperparameters: { lr: [0.4, 0.6] }\n    timeout: -3m"),
            "demo.yaml:8:14: 'timeout' = '-3m' is not a duration; give a positive duration such as 90s, 5m or 2h (a plain number is seconds)"),
        Case("a schedule arg's list with a value out of range", Good + "\nschedule: { id: warmup-cosine, args: { warmup_steps: [10, -1], total_steps: 20 } }",
            "demo.yaml:12:54: schedule 'warmup-cosine': invalid warmup_steps = -1; valid range is [1, inf)"),
        Case("a schedule arg's list with a value of the wrong type", Good + "\nschedule: { id: warmup-cosine, args: { warmup_steps: [10, 2.5], total_steps: 20 } }",
            "demo.yaml:12:54: schedule 'warmup-cosine': warmup_steps = '2.5' is not an integer; valid range is [1, inf)"),
        Case("an unknown schedule arg swept", Good.Replace("hyperparameters: { lr: [0.4, 0.6] }", "hyperparameters: { lr: [0.4, 0.6] }\n    schedule: { id: warmup-cosine, args: { warmup_step: [10, 20] } }"),
            "demo.yaml:8:57: schedule 'warmup-cosine' has no hyperparameter 'warmup_step' (did you mean 'warmup_steps'?); valid names: warmup_steps, total_steps, start_factor, eta_min, interval"),
        Case("a schedule arg's distribution in a grid", Good + "\nschedule: { id: warmup-cosine, args: { warmup_steps: { int_uniform: [1, 5] } } }",
            "demo.yaml:12:54: hyperparameter 'warmup_steps' has a distribution, which only random and quasirandom search sample; give a list for a grid, or set 'search: { mode: quasirandom, samples: N }'"),
        Case("a schedule arg's bounds outside its range", Good + "\nsearch: { mode: random, samples: 3 }\nschedule: { id: warmup-cosine, args: { eta_min: { uniform: [-1, 0] } } }",
            "demo.yaml:13:49: hyperparameter 'eta_min': the distribution's bounds [-1, 0] leave its valid range [0, inf)"),
        Case("a tab in the indentation", Good.Replace("training: {", "\ttraining: {"),
            "demo.yaml:3:1: not valid YAML: a tab in the indentation; indent with spaces"),
        Case("a wrong setting hides no other problem",
            Good.Replace("steps: 20", "steps: many").Replace("lr: [0.4, 0.6]", "lr: [0.4, fast]") + "\n  - id: torch-adam\n    hyperparameters: { amsgrad: maybe }",
            "demo.yaml:3:20: 'steps' = 'many' is not a positive integer",
            "demo.yaml:7:28: optimizer 'sgd': lr = 'fast' is not a finite number; valid range is [0, inf)",
            "demo.yaml:13:33: optimizer 'torch-adam': amsgrad = 'maybe' is not true or false"),
    ];

    [Test]
    public void The_good_file_expands_to_its_trials()
    {
        var plan = SweepExpander.Expand(ExperimentFileParser.Parse("demo.yaml", Good), TestEngine.Catalog);

        Assert.That(plan.Trials.Select(t => t.Name), Is.EqualTo(new[]
        {
            "trial-0000 sgd lr=0.4 seed=0", "trial-0001 sgd lr=0.4 seed=1", "trial-0002 sgd lr=0.6 seed=0", "trial-0003 sgd lr=0.6 seed=1",
            "trial-0004 momentum lr=0.4 momentum=0.5 seed=0", "trial-0005 momentum lr=0.4 momentum=0.5 seed=1",
            "trial-0006 momentum lr=0.4 momentum=0.9 seed=0", "trial-0007 momentum lr=0.4 momentum=0.9 seed=1",
        }));
        Assert.That(plan.Trials.All(t => t.Trial.Objective.Options.Values.Single(v => v.Key == "start").Value == "-5,-2"), Is.True);
    }

    [TestCaseSource(nameof(Broken))]
    public void A_broken_file_gets_every_problem_with_its_line(string text, string[] expected)
    {
        var error = Assert.Throws<ExperimentFileException>(() => SweepExpander.Expand(ExperimentFileParser.Parse("demo.yaml", text), TestEngine.Catalog));

        Assert.That(error!.Errors.Select(e => e.ToString()), Is.EqualTo(expected));
    }

    private static TestCaseData Case(string name, string text, params string[] expected) => new TestCaseData(text, expected).SetName(name);
}
