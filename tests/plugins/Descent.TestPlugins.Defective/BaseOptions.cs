using Descent.Contracts;

namespace Descent.TestPlugins.Defective;

/// <summary>A learning rate, declared as the bundled optimizers declare it.</summary>
public class BaseOptions
{
    [Hyperparameter("lr", Description = "learning rate", Minimum = 0)]
    public double Lr { get; set; } = 0.01;
}
