using Descent.Contracts;
using TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Sweeps.Workers;

/// <summary>
/// A stand-in for a worker's parameters in the coordinator, to replay <see cref="Engine.Trials.ITrialObserver.OnStarted"/>:
/// the same names and element counts (all an observer reads there), as flat uninitialised tensors, freed on dispose.
/// </summary>
internal sealed class ReplayedParameters : IDisposable
{
    private readonly DisposeScope tensors = NewDisposeScope();

    public ReplayedParameters(IReadOnlyList<(string Name, long Elements)> names)
    {
        Set = new ParameterSet(names.Select(n => (n.Name, new Parameter(empty(n.Elements), requires_grad: false))).ToArray());
    }

    /// <summary>The stand-in set.</summary>
    public ParameterSet Set { get; }

    /// <inheritdoc />
    public void Dispose() => tensors.Dispose();
}
