using static TorchSharp.torch;

namespace Descent.Contracts;

/// <summary>
/// What is minimized. Created once per trial; creates and owns its parameters (dtype, device and
/// initial point from the trial) and computes the loss.
/// </summary>
public interface IObjective : IDisposable
{
    /// <summary>The trainable parameters, created in the constructor.</summary>
    ParameterSet Parameters { get; }

    /// <summary>
    /// The scalar loss whose gradient drives the update: on a minibatch for data objectives, on
    /// <see cref="Batch.None"/> for analytic ones. May be stochastic (e.g. injected gradient noise).
    /// </summary>
    Tensor TrainingLoss(Batch batch);

    /// <summary>
    /// The scalar loss that is recorded: deterministic, evaluated on the whole data set (or
    /// <see cref="Batch.None"/>) under <c>no_grad</c>.
    /// </summary>
    Tensor Loss(Batch batch);
}
