using Descent.Contracts;
using Descent.Engine.Options;
using Descent.Testing.Problems;
using static TorchSharp.torch;

namespace Descent.Testing;

/// <summary>
/// Creates an optimizer plugin's optimizer the way a trial does (its options instance and the parameter
/// set, in a service provider with the plugin's own services and the trial context) and runs it on a
/// <see cref="TestProblem"/>: zero the gradients, backward, step, each step in its own dispose scope.
/// </summary>
public sealed class OptimizerHarness(IPlugin plugin, OptionsSchema schema, IOptimizerFactory? optimizers = null)
{
    /// <summary>The learning rate the checks use where the optimizer has an <c>lr</c>: small enough for any sane optimizer to make progress.</summary>
    public const double SmallLearningRate = 0.01;

    /// <summary>The plugin under test.</summary>
    public IPlugin Plugin { get; } = plugin;

    /// <summary>Its hyperparameters.</summary>
    public OptionsSchema Schema { get; } = schema;

    /// <summary>Options at their defaults, with <c>lr</c> set to <paramref name="lr"/> when given and declared.</summary>
    public object Options(double? lr = SmallLearningRate)
    {
        object options = Activator.CreateInstance(Schema.OptionsType)!;
        var rate = Schema.Find("lr");
        if (lr is double value && rate is { Type: HyperparameterType.Real } && rate.Contains(value))
        {
            rate.Property.SetValue(options, value);
        }

        return options;
    }

    /// <summary>A new optimizer over <paramref name="parameters"/> (exceptions from its constructor are thrown as they are).</summary>
    public IOptimizer Create(object options, ParameterSet parameters, ScalarType dtype = ScalarType.Float64) =>
        PluginFactory.Create<IOptimizer>(Plugin, options, dtype, 0, null, optimizers, parameters);

    /// <summary>Runs <paramref name="steps"/> steps of <paramref name="optimizer"/> on <paramref name="problem"/>; <paramref name="zeroGradients"/> feeds zeros instead of the gradient.</summary>
    public static void Run(IOptimizer optimizer, TestProblem problem, ParameterSet parameters, int steps, bool zeroGradients = false, Action<int>? afterStep = null)
    {
        for (int step = 1; step <= steps; step++)
        {
            using (var scope = NewDisposeScope())
            {
                // What the trial loop does: a closure for optimizers that evaluate the loss more than once per step.
                Tensor Closure()
                {
                    foreach (var parameter in parameters)
                    {
                        if (parameter.grad is { } gradient)
                        {
                            using var noGrad = no_grad();
                            gradient.zero_();
                        }
                    }

                    var loss = problem.Loss(parameters);
                    (zeroGradients ? loss.mul(Zero) : loss).backward();
                    return loss.detach();
                }

                if (optimizer is IClosureOptimizer closureOptimizer)
                {
                    closureOptimizer.Step(Closure);
                }
                else
                {
                    Closure();
                    optimizer.Step();
                }
            }

            afterStep?.Invoke(step);
        }
    }

    /// <summary>All parameter values, flattened, as doubles (float32 values widen exactly).</summary>
    public static double[] Values(ParameterSet parameters)
    {
        using var scope = NewDisposeScope();
        return parameters.SelectMany(p => p.detach().to_type(ScalarType.Float64).flatten().data<double>().ToArray()).ToArray();
    }

    private static readonly HeldScalars Constants = new();
    private static readonly TorchSharp.Scalar Zero = Constants.Hold(0.0);
}
