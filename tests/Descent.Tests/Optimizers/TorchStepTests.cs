using Descent.Contracts;
using Descent.Engine.Composition;
using Descent.Engine.Trials;
using Descent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Descent.Tests.Optimizers;

/// <summary>
/// The <c>torch-*</c> optimizers repeat TorchSharp's step with held Scalars (TorchOptimizer says why); the
/// operations and values are TorchSharp's, so each step must agree bit for bit with TorchSharp's own
/// optimizer run side by side on an equal objective, and so must the saved state, byte for byte. The
/// settings switch on every branch of each step (weight decay, momentum, Nesterov, dampening, AMSGrad,
/// centering, maximizing, lr decay), in float64 and float32, over 30 steps of Rosenbrock from (-1.5, 2).
/// </summary>
public sealed class TorchStepTests
{
    private const int Steps = 30;

    private static readonly TestCaseData[] Cases =
    [
        Case("torch-sgd", "lr=1e-3;momentum=0.9;dampening=0.1;weight_decay=0.1;maximize=true", p => optim.SGD(p, 1e-3, 0.9, 0.1, 0.1, false, true)),
        Case("torch-sgd", "lr=1e-3;momentum=0.9;nesterov=true", p => optim.SGD(p, 1e-3, 0.9, 0, 0, true, false)),
        Case("torch-sgd", "lr=1e-3;momentum=0", p => optim.SGD(p, 1e-3)),
        Case("torch-adam", "lr=0.01;weight_decay=0.1;amsgrad=true", p => optim.Adam(p, 0.01, 0.9, 0.999, 1e-8, 0.1, true, false)),
        Case("torch-adam", "lr=0.01;betas=0.8,0.99;eps=1e-6;maximize=true", p => optim.Adam(p, 0.01, 0.8, 0.99, 1e-6, 0, false, true)),
        Case("torch-adamw", "lr=0.01;weight_decay=0.1;amsgrad=true", p => optim.AdamW(p, 0.01, 0.9, 0.999, 1e-8, 0.1, true, false)),
        Case("torch-adamw", "lr=0.01;betas=0.8,0.99;eps=1e-6;maximize=true", p => optim.AdamW(p, 0.01, 0.8, 0.99, 1e-6, 0.01, false, true)),
        Case("torch-rmsprop", "lr=1e-3;alpha=0.9;weight_decay=0.1;momentum=0.5;centered=true", p => optim.RMSProp(p, 1e-3, 0.9, 1e-8, 0.1, 0.5, true, false)),
        Case("torch-rmsprop", "lr=1e-3;eps=1e-6;maximize=true", p => optim.RMSProp(p, 1e-3, 0.99, 1e-6, 0, 0, false, true)),
        Case("torch-adagrad", "lr=0.1;lr_decay=0.1;weight_decay=0.1;initial_accumulator_value=0.5;eps=1e-10", p => optim.Adagrad(p, 0.1, 0.1, 0.1, 0.5, 1e-10)),
        Case("torch-adadelta", "lr=1;rho=0.9;eps=1e-6;weight_decay=0.1;maximize=true", p => optim.Adadelta(p, 1, 0.9, 1e-6, 0.1, true)),
        Case("torch-adadelta", "lr=0.5;rho=0.95;eps=1e-5", p => optim.Adadelta(p, 0.5, 0.95, 1e-5, 0, false)),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Steps_and_state_equal_torchsharps_own_bit_for_bit(string optimizer, string hyperparameters, Func<IEnumerable<Parameter>, OptimizerHelper> torchSharps)
    {
        foreach (var dtype in new[] { "float64", "float32" })
        {
            var spec = TestEngine.Analytic(optimizer, "rosenbrock", 1, "-1.5,2") with
            {
                Hyperparameters = hyperparameters.Split(';').ToDictionary(h => h.Split('=')[0], h => h.Split('=')[1]),
                DType = dtype,
            };
            var trial = TrialResolver.Resolve(spec, TestEngine.Catalog);
            using var oursScope = TestEngine.Services.CreateScope();
            using var theirsScope = TestEngine.Services.CreateScope();
            using var tensors = NewDisposeScope();
            var oursObjective = Start(oursScope, trial);
            var theirsObjective = Start(theirsScope, trial);
            var ours = oursScope.ServiceProvider.GetRequiredService<IOptimizer>();
            using var theirs = torchSharps(theirsObjective.Parameters);
            var start = Bits(oursObjective);

            for (int step = 1; step <= Steps; step++)
            {
                Step(oursObjective, ours.Step);
                Step(theirsObjective, () => theirs.step());
                Assert.That(Bits(oursObjective), Is.EqualTo(Bits(theirsObjective)), $"{dtype}, step {step}");
            }

            Assert.That(Bits(oursObjective), Is.Not.EqualTo(start), "the parameters moved");
            var oursState = new MemoryStream();
            ours.SaveState(oursState);
            var theirsState = new MemoryStream();
            using (var writer = new BinaryWriter(theirsState, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                theirs.save_state_dict(writer);
            }

            Assert.That(oursState.ToArray(), Is.EqualTo(theirsState.ToArray()), $"{dtype}, saved state");
        }
    }

    [Test]
    public void Wrapping_torchsharps_own_step_is_refused_with_a_message()
    {
        using var scope = NewDisposeScope();
        var parameters = new ParameterSet([("x", new Parameter(zeros(2, dtype: ScalarType.Float64)))]);

        var error = Assert.Throws<ArgumentException>(() => _ = new PlainSgd(parameters));

        Assert.That(error!.Message, Is.EqualTo(
            "TorchSharp.Modules.SGD steps with TorchSharp's own step(), whose temporary Scalars the finalizer can free " +
            "while a native call reads them. Derive from it and override step() holding every Scalar in HeldScalars " +
            "(as Descent.Optimizers.TorchAdam.Adam does). (Parameter 'inner')"));
    }

    private static TestCaseData Case(string optimizer, string hyperparameters, Func<IEnumerable<Parameter>, OptimizerHelper> torchSharps) =>
        new TestCaseData(optimizer, hyperparameters, torchSharps).SetArgDisplayNames(optimizer, hyperparameters);

    private static IObjective Start(IServiceScope scope, ResolvedTrial trial)
    {
        scope.ServiceProvider.GetRequiredService<TrialScope>().Start(trial, trial.CreateContext(DataLocations.None));
        return scope.ServiceProvider.GetRequiredService<IObjective>();
    }

    private static void Step(IObjective objective, Action step)
    {
        using var scope = NewDisposeScope();
        ParameterValues.ZeroGrad(objective.Parameters);
        objective.TrainingLoss(Batch.None).backward();
        step();
    }

    private static long[] Bits(IObjective objective) =>
        ParameterValues.Read(objective.Parameters).Select(BitConverter.DoubleToInt64Bits).ToArray();

    private sealed class PlainSgd(ParameterSet parameters) : TorchOptimizer(optim.SGD(parameters, 0.1));
}
