using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Engine.Trials;

/// <summary>A trial whose plugins exist and whose every value has been checked: ready to run.</summary>
public sealed record ResolvedTrial(
    TrialSpec Spec,
    ResolvedComponent Optimizer,
    ResolvedComponent Objective,
    ResolvedComponent? Dataset,
    ScalarType DType,
    string Device,
    TrainingSettings Training,
    long Seed)
{
    /// <summary>The learning-rate schedule, or null for the optimizer's constant rate.</summary>
    public ResolvedComponent? Schedule { get; init; }

    /// <summary>The target to reach (<see cref="TrialSpec.Target"/>), or null.</summary>
    public Targets.TrialTarget? Target => Spec.Target;

    /// <summary>True when the objective trains on data (epochs and minibatches), false for analytic objectives (steps).</summary>
    public bool UsesData => Dataset is not null;

    /// <summary><c>float32</c> or <c>float64</c>.</summary>
    public string DTypeName => DType == ScalarType.Float64 ? "float64" : "float32";

    /// <summary>Creates the context plugins see.</summary>
    public TrialContext CreateContext(DataLocations data) => new(Seed, DType, torch_device(Device), data);

    private static Device torch_device(string name) => TorchSharp.torch.device(name);
}
