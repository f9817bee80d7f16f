using Descent.Contracts;

namespace Descent.Optimizers.Sam;

/// <summary>Hyperparameters of <see cref="Sam"/>: SAM's own (rho, adaptive) and the base optimizer's (id, lr, the rest as text).</summary>
public sealed class SamOptions
{
    /// <summary>The base optimizer's plugin id: it takes the step from the gradient at the perturbed point.</summary>
    [Hyperparameter("base", Description = "plugin id of the base optimizer, e.g. sgd, adam, torch-sgd")]
    public string Base { get; set; } = "sgd";

    /// <summary>The base optimizer's learning rate (a schedule sets it).</summary>
    [Hyperparameter("lr", Description = "learning rate of the base optimizer", Minimum = 0)]
    public double Lr { get; set; } = 0.01;

    /// <summary>Radius of the neighbourhood whose worst point is stepped from.</summary>
    [Hyperparameter("rho", Description = "radius of the ascent step", Minimum = 0)]
    public double Rho { get; set; } = 0.05;

    /// <summary>ASAM: scale the ascent step by the parameters' magnitudes (davda54/sam's adaptive; Kwon et al. 2021 suggest rho 2.0).</summary>
    [Hyperparameter("adaptive", Description = "adaptive SAM (ASAM): scale the perturbation by |p|")]
    public bool Adaptive { get; set; }

    /// <summary>Other hyperparameters of the base optimizer, <c>NAME=VALUE</c> separated by ';' (e.g. <c>betas=0.9,0.99;eps=1e-8</c>).</summary>
    [Hyperparameter("base_args", Description = "more base optimizer hyperparameters: NAME=VALUE;NAME=VALUE")]
    public string BaseArgs { get; set; } = "";

    /// <summary>The base optimizer's hyperparameters as text: <see cref="Lr"/> and <see cref="BaseArgs"/>.</summary>
    public IReadOnlyDictionary<string, string> BaseHyperparameters()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["lr"] = Lr.ToString("R", System.Globalization.CultureInfo.InvariantCulture) };
        foreach (string pair in BaseArgs.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new TrialSetupException($"sam: base_args entry '{pair}' is not NAME=VALUE; write e.g. base_args=momentum=0.9;dampening=0");
            }

            values[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }

        return values;
    }
}
