using Descent.Contracts;
using Descent.Engine.Options;
using static TorchSharp.torch;

namespace Descent.Testing.Checks;

/// <summary>
/// What an analytic objective must do: build float32 and float64 parameters as asked, give a finite scalar
/// loss, gradients that agree with central finite differences (float64), and the same start and loss for
/// the same seed. Objectives that need a dataset are checked with one in a trial (a warning says so).
/// </summary>
internal static class ObjectiveChecks
{
    public static IEnumerable<CheckResult> Run(IPlugin plugin, OptionsSchema schema)
    {
        if (plugin is IObjectivePlugin { RequiresDataset: true })
        {
            yield return CheckResult.Warned("objective", "needs a dataset: its loss and gradients are not checked here",
                "run a short trial with a small dataset (descent trial --dataset ...) to check it end to end");
            yield break;
        }

        object Options() => Activator.CreateInstance(schema.OptionsType)!;
        yield return Guard("dtypes", () =>
        {
            foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64 })
            {
                using var objective = PluginFactory.Create<IObjective>(plugin, Options(), dtype, 1, null, null);
                var wrong = objective.Parameters.Zip(objective.Parameters.Names).FirstOrDefault(p => p.First.dtype != dtype);
                if (wrong.First is not null)
                {
                    return CheckResult.Failed("dtypes", $"asked for {dtype}, parameter '{wrong.Second}' is {wrong.First.dtype}", "create parameters with the trial context's DType");
                }
            }

            return CheckResult.Passed("dtypes", "float32 and float64 parameters as the trial asks");
        });
        yield return Guard("loss", () =>
        {
            using var objective = PluginFactory.Create<IObjective>(plugin, Options(), ScalarType.Float64, 1, null, null);
            using var scope = NewDisposeScope();
            var loss = objective.Loss(Batch.None);
            if (loss.numel() != 1)
            {
                return CheckResult.Failed("loss", $"Loss returned {loss.numel()} values (shape [{string.Join(", ", loss.shape)}])", "return a scalar (e.g. .sum() or .mean())");
            }

            double value = loss.to_type(ScalarType.Float64).item<double>();
            return double.IsFinite(value)
                ? CheckResult.Passed("loss", $"a finite scalar at the start: {value:G6}")
                : CheckResult.Failed("loss", $"the loss at the default start is {value}", "check the formula and the default start");
        });
        yield return Guard("gradients", () => Gradients(plugin, Options()));
        yield return Guard("determinism", () =>
        {
            double[] First()
            {
                using var objective = PluginFactory.Create<IObjective>(plugin, Options(), ScalarType.Float64, 7, null, null);
                using var scope = NewDisposeScope();
                return [.. OptimizerHarness.Values(objective.Parameters), objective.Loss(Batch.None).item<double>()];
            }

            return First().SequenceEqual(First())
                ? CheckResult.Passed("determinism", "the same seed gives the same start and loss bits")
                : CheckResult.Failed("determinism", "two objectives with the same seed start at different points or report different losses",
                    "draw the start from TrialContext.CreateGenerator(\"init\"), never from a global generator");
        });
    }

    /// <summary>Each gradient element against (f(x + h) - f(x - h)) / 2h with h = 1e-6, float64; relative tolerance 1e-5 (the difference's truncation and rounding error is far below it for smooth f).</summary>
    private static CheckResult Gradients(IPlugin plugin, object options)
    {
        using var objective = PluginFactory.Create<IObjective>(plugin, options, ScalarType.Float64, 1, null, null);
        using var scope = NewDisposeScope();
        var parameters = objective.Parameters;
        objective.Loss(Batch.None); // some objectives cache; the training loss is what backward sees
        var loss = objective.TrainingLoss(Batch.None);
        loss.backward();
        double[] analytic = parameters.SelectMany(p => p.grad is null ? new double[p.numel()] : p.grad.to_type(ScalarType.Float64).flatten().data<double>().ToArray()).ToArray();
        double[] numeric = new double[analytic.Length];
        const double h = 1e-6;
        int index = 0;
        using (no_grad())
        {
            foreach (var parameter in parameters)
            {
                var flat = parameter.view(-1);
                for (long i = 0; i < flat.numel(); i++, index++)
                {
                    using var held = new HeldScalars();
                    var element = flat[i];
                    double original = element.item<double>();
                    element.fill_(held.Hold(original + h));
                    double plus = objective.Loss(Batch.None).item<double>();
                    element.fill_(held.Hold(original - h));
                    double minus = objective.Loss(Batch.None).item<double>();
                    element.fill_(held.Hold(original));
                    numeric[index] = (plus - minus) / (2 * h);
                }
            }
        }

        for (int i = 0; i < analytic.Length; i++)
        {
            double scale = Math.Max(1.0, Math.Abs(numeric[i]));
            if (Math.Abs(analytic[i] - numeric[i]) > 1e-5 * scale)
            {
                return CheckResult.Failed("gradients", $"element {i}: autograd gives {analytic[i]:G8}, central differences {numeric[i]:G8}",
                    "compute the loss with differentiable tensor operations on the parameters (no .item() or data<T>() in the loss), or fix the hand-written gradient");
            }
        }

        return CheckResult.Passed("gradients", $"{analytic.Length} gradient elements agree with central differences (h = 1e-6, relative 1e-5)");
    }

    private static CheckResult Guard(string check, Func<CheckResult> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return CheckResult.Failed(check, $"threw {e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}", "an objective must work with its own defaults");
        }
    }
}
