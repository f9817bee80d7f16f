using Descent.Contracts;
using Descent.Engine.Trials;
using Descent.Tests.Support;

namespace Descent.Tests.Options;

/// <summary>
/// Invalid trials, one row each: what was given and the exact messages (every problem, not just the
/// first). The messages name the value and the valid range, as PyTorch's do.
/// </summary>
public sealed class ValidationErrorTests
{
    private static readonly TestCaseData[] Cases =
    [
        Case("sgd", "lr=-0.1", "quadratic2d", "", "optimizer 'sgd': invalid lr = -0.1; valid range is [0, inf)"),
        Case("momentum", "momentum=1", "quadratic2d", "", "optimizer 'momentum': invalid momentum = 1; valid range is [0, 1)"),
        Case("torch-sgd", "momentum=1.5", "quadratic2d", "", "optimizer 'torch-sgd': invalid momentum = 1.5; valid range is [0, 1)"),
        Case("adam", "betas=1,0.999", "quadratic2d", "", "optimizer 'adam': invalid betas[0] = 1; valid range is [0, 1)"),
        Case("torch-adam", "betas=0.9,-0.1", "quadratic2d", "", "optimizer 'torch-adam': invalid betas[1] = -0.1; valid range is [0, 1)"),
        Case("adam", "betas=0.9", "quadratic2d", "", "optimizer 'adam': betas needs 2 comma-separated numbers, got '0.9'"),
        Case("sgd", "lr=fast", "quadratic2d", "", "optimizer 'sgd': lr = 'fast' is not a finite number; valid range is [0, inf)"),
        Case("sgd", "lr=NaN", "quadratic2d", "", "optimizer 'sgd': lr = 'NaN' is not a finite number; valid range is [0, inf)"),
        Case("adagrad", "eps=0", "quadratic2d", "", "optimizer 'adagrad': invalid eps = 0; valid range is (0, inf)"),
        Case("adadelta", "rho=1.01", "quadratic2d", "", "optimizer 'adadelta': invalid rho = 1.01; valid range is [0, 1]"),
        Case("torch-rmsprop", "alpha=-0.5", "quadratic2d", "", "optimizer 'torch-rmsprop': invalid alpha = -0.5; valid range is [0, 1]"),
        Case("torch-adamw", "weight_decay=-1", "quadratic2d", "", "optimizer 'torch-adamw': invalid weight_decay = -1; valid range is [0, inf)"),
        Case("torch-adam", "amsgrad=yes", "quadratic2d", "", "optimizer 'torch-adam': amsgrad = 'yes' is not true or false"),
        Case("torch-sgd", "nesterov=true", "quadratic2d", "",
            "optimizer 'torch-sgd': nesterov momentum requires momentum > 0 and dampening = 0 (got momentum = 0, dampening = 0)"),
        Case("torch-lbfgs", "history_size=0", "quadratic2d", "", "optimizer 'torch-lbfgs': invalid history_size = 0; valid range is [1, inf)"),
        Case("torch-lbfgs", "line_search_fn=wolfe", "quadratic2d", "", "optimizer 'torch-lbfgs': invalid line_search_fn = 'wolfe'; valid values are none, strong_wolfe"),
        Case("torch-lbfgs", "max_iter=0;max_eval=-1", "quadratic2d", "",
            "optimizer 'torch-lbfgs': invalid max_eval = -1; valid range is [0, inf)",
            "optimizer 'torch-lbfgs': invalid max_iter = 0; valid range is [1, inf)"),
        Case("sgd", "beta=0.1", "quadratic2d", "", "optimizer 'sgd' has no hyperparameter 'beta'; valid names: lr"),
        Case("adam", "lrr=0.1", "quadratic2d", "", "optimizer 'adam' has no hyperparameter 'lrr' (did you mean 'lr'?); valid names: lr, betas, eps"),
        Case("rmsprop", "gamma=1.5;eps=-1", "quadratic2d", "",
            "optimizer 'rmsprop': invalid eps = -1; valid range is (0, inf)",
            "optimizer 'rmsprop': invalid gamma = 1.5; valid range is [0, 1)"),
        Case("adamw", "", "quadratic2d", "",
            "unknown optimizer 'adamw' (did you mean 'adam'?); available: adadelta, adagrad, adam, momentum, rmsprop, sam, sgd, torch-adadelta, torch-adagrad, torch-adam, torch-adamw, torch-lbfgs, torch-rmsprop, torch-sgd"),
        Case("quadratic2d", "", "sgd", "",
            "'quadratic2d' is an objective plugin, not an optimizer; available: adadelta, adagrad, adam, momentum, rmsprop, sam, sgd, torch-adadelta, torch-adagrad, torch-adam, torch-adamw, torch-lbfgs, torch-rmsprop, torch-sgd",
            "'sgd' is an optimizer plugin, not an objective; available: cnn-2c2d, cnn-3c3d, cube1d, linear-regression, logistic-regression, mlp-classifier, mlp-regression, noisy-quadratic, quadratic2d, rastrigin, rosenbrock, saddle2d, square1d, xcos1d"),
        Case("sgd", "", "quadratic2d", "start=-5", "objective 'quadratic2d': start needs 2 comma-separated numbers, got '-5'"),
        Case("sgd", "", "quadratic2d", "start=-5,x", "objective 'quadratic2d': start[1] = 'x' is not a finite number; expected a real number"),
        Case("sgd", "", "quadratic2d", "start=1,2,3", "objective 'quadratic2d': start needs 2 comma-separated numbers, got '1,2,3'"),
        Case("sgd", "", "rosenbrock", "b=-1", "objective 'rosenbrock': invalid b = -1; valid range is [0, inf)"),
        Case("sgd", "lr=2", "quadratic2d", "noise_std=-1", "objective 'quadratic2d': invalid noise_std = -1; valid range is [0, inf)"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Invalid_input_gets_exactly_these_messages(string optimizer, string hyperparameters, string objective, string objectiveArgs, string[] expected)
    {
        var spec = new TrialSpec
        {
            Optimizer = optimizer,
            Hyperparameters = Pairs(hyperparameters),
            Objective = objective,
            ObjectiveArgs = Pairs(objectiveArgs),
            Training = new TrainingSettings(Steps: 20),
        };

        var error = Assert.Throws<TrialConfigurationException>(() => TrialResolver.Resolve(spec, TestEngine.Catalog));

        Assert.That(error!.Errors, Is.EqualTo(expected));
    }

    [Test]
    public void Training_settings_that_do_not_fit_the_objective_are_named()
    {
        var spec = new TrialSpec
        {
            Optimizer = "sgd",
            Objective = "quadratic2d",
            Training = new TrainingSettings(Steps: 0, Epochs: 2),
            DType = "float16",
            Device = "tpu",
        };

        var error = Assert.Throws<TrialConfigurationException>(() => TrialResolver.Resolve(spec, TestEngine.Catalog));

        Assert.That(error!.Errors, Is.EqualTo(new[]
        {
            "invalid dtype 'float16'; valid values: float32, float64",
            "invalid device 'tpu'; valid values: cpu, cuda, cuda:N",
            "objective 'quadratic2d' is analytic (no data): give steps, not epochs or a batch size",
            "invalid steps = 0; valid range is [1, inf)",
        }));
    }

    [Test]
    public void Each_problem_names_its_subject()
    {
        var spec = new TrialSpec
        {
            Optimizer = "adam",
            Hyperparameters = new Dictionary<string, string> { ["lrr"] = "0.1", ["eps"] = "0" },
            Objective = "rosenbrock",
            ObjectiveArgs = new Dictionary<string, string> { ["b"] = "-1" },
            Training = new TrainingSettings(Steps: 20),
            DType = "float16",
            Device = "tpu",
        };

        var error = Assert.Throws<TrialConfigurationException>(() => TrialResolver.Resolve(spec, TestEngine.Catalog));

        Assert.That(error!.Problems.Select(p => (p.Kind, p.PluginId, p.Hyperparameter, p.Setting)), Is.EqualTo(new (PluginKind?, string?, string?, string?)[]
        {
            (PluginKind.Optimizer, "adam", "eps", null),
            (PluginKind.Optimizer, "adam", "lrr", null),
            (PluginKind.Objective, "rosenbrock", "b", null),
            (null, null, null, "dtype"),
            (null, null, null, "device"),
        }));
        Assert.That(error.Errors, Is.EqualTo(error.Problems.Select(p => p.Message)));
    }

    [Test]
    public void A_drawn_value_is_checked_like_text_and_named_the_same_way()
    {
        var spec = new TrialSpec
        {
            Optimizer = "sgd",
            SampledHyperparameters = new Dictionary<string, object> { ["lr"] = -0.25 },
            Objective = "quadratic2d",
            Training = new TrainingSettings(Steps: 20),
        };

        var error = Assert.Throws<TrialConfigurationException>(() => TrialResolver.Resolve(spec, TestEngine.Catalog));

        Assert.That(error!.Errors, Is.EqualTo(new[] { "optimizer 'sgd': invalid lr = -0.25; valid range is [0, inf)" }));
        Assert.That(error.Problems.Single().Hyperparameter, Is.EqualTo("lr"));
    }

    private static TestCaseData Case(string optimizer, string hyperparameters, string objective, string objectiveArgs, params string[] expected) =>
        new TestCaseData(optimizer, hyperparameters, objective, objectiveArgs, expected)
            .SetName($"{optimizer} {hyperparameters} / {objective} {objectiveArgs}".Trim());

    private static Dictionary<string, string> Pairs(string text) =>
        text.Length == 0
            ? []
            : text.Split(';').ToDictionary(p => p[..p.IndexOf('=', StringComparison.Ordinal)], p => p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..]);
}
