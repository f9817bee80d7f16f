using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>Arguments of the <c>step</c> schedule, with PyTorch's names and defaults.</summary>
public sealed class StepOptions : ScheduleOptions
{
    /// <summary>Steps per epoch by default, as PyTorch's scheduler is usually stepped.</summary>
    public StepOptions() => Interval = ScheduleInterval.Epoch;

    /// <summary>Steps (epochs) between decays.</summary>
    [Hyperparameter("step_size", Description = "steps (epochs) between decays", Minimum = 1)]
    public int StepSize { get; set; } = 30;

    /// <summary>Factor of each decay.</summary>
    [Hyperparameter("gamma", Description = "factor of each decay", Minimum = 0, MinimumExclusive = true)]
    public double Gamma { get; set; } = 0.1;
}
