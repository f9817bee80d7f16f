using Descent.Contracts;

namespace Descent.Optimizers.TorchSgd;

/// <summary>Hyperparameters of <see cref="TorchSgd"/>, with PyTorch's names and defaults.</summary>
public sealed class TorchSgdOptions : IValidatableOptions
{
    /// <summary>Learning rate.</summary>
    [Hyperparameter("lr", Description = "learning rate", Minimum = 0)]
    public double Lr { get; set; } = 0.001;

    /// <summary>Momentum factor (PyTorch form: b = momentum * b + (1 - dampening) * g; p -= lr * b).</summary>
    [Hyperparameter("momentum", Description = "momentum factor", Minimum = 0, Maximum = 1, MaximumExclusive = true)]
    public double Momentum { get; set; }

    /// <summary>Dampening for momentum.</summary>
    [Hyperparameter("dampening", Description = "dampening for momentum", Minimum = 0, Maximum = 1)]
    public double Dampening { get; set; }

    /// <summary>L2 penalty added to the gradient (coupled weight decay).</summary>
    [Hyperparameter("weight_decay", Description = "L2 penalty added to the gradient (coupled weight decay)", Minimum = 0)]
    public double WeightDecay { get; set; } = 0;

    /// <summary>Nesterov momentum (needs momentum &gt; 0 and dampening 0).</summary>
    [Hyperparameter("nesterov", Description = "Nesterov momentum")]
    public bool Nesterov { get; set; }

    /// <summary>Maximize the objective instead of minimizing it.</summary>
    [Hyperparameter("maximize", Description = "maximize instead of minimize")]
    public bool Maximize { get; set; }

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        if (Nesterov && (Momentum <= 0 || Dampening != 0))
        {
            yield return $"nesterov momentum requires momentum > 0 and dampening = 0 (got momentum = {Momentum.ToString(System.Globalization.CultureInfo.InvariantCulture)}, dampening = {Dampening.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
        }
    }
}
