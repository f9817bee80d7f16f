using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>Arguments of the <c>constant</c> schedule, with PyTorch's names and defaults.</summary>
public sealed class ConstantOptions : ScheduleOptions
{
    /// <summary>Steps per epoch by default, as PyTorch's scheduler is usually stepped.</summary>
    public ConstantOptions() => Interval = ScheduleInterval.Epoch;

    /// <summary>The factor of the first total_iters.</summary>
    [Hyperparameter("factor", Description = "the factor of the first total_iters", Minimum = 0, Maximum = 1)]
    public double Factor { get; set; } = 1.0;

    /// <summary>How many steps (epochs) run at base * factor.</summary>
    [Hyperparameter("total_iters", Description = "how many steps (epochs) run at base * factor", Minimum = 0)]
    public int TotalIters { get; set; } = 0;
}
