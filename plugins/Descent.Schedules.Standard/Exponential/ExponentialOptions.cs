using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>Arguments of the <c>exponential</c> schedule, with PyTorch's names and defaults.</summary>
public sealed class ExponentialOptions : ScheduleOptions
{
    /// <summary>Steps per epoch by default, as PyTorch's scheduler is usually stepped.</summary>
    public ExponentialOptions() => Interval = ScheduleInterval.Epoch;

    /// <summary>Factor per step (epoch).</summary>
    [Hyperparameter("gamma", Description = "factor per step (epoch)", Minimum = 0, MinimumExclusive = true)]
    public double Gamma { get; set; } = 0.99;
}
