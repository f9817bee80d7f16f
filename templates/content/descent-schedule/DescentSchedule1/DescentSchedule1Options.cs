using Descent.Contracts;

namespace DescentSchedule1;

/// <summary>Hyperparameters of <see cref="DescentSchedule1Schedule"/>.</summary>
public sealed class DescentSchedule1Options
{
    /// <summary>Steps of linear warm-up.</summary>
    [Hyperparameter("warmup_steps", Description = "steps of linear warm-up before the decay", Minimum = 1)]
    public int WarmupSteps { get; set; } = 100;
}
