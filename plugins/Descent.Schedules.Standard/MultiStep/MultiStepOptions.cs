using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>Arguments of the <c>multistep</c> schedule, with PyTorch's names and defaults.</summary>
public sealed class MultiStepOptions : ScheduleOptions
{
    /// <summary>Steps per epoch by default, as PyTorch's scheduler is usually stepped.</summary>
    public MultiStepOptions() => Interval = ScheduleInterval.Epoch;

    /// <summary>Steps (epochs) at which the rate decays (a repeated one decays twice).</summary>
    [Hyperparameter("milestones", Description = "steps (epochs) at which the rate decays (a repeated one decays twice)", Minimum = 0)]
    public int[] Milestones { get; set; } = [30, 80];

    /// <summary>Factor of each decay.</summary>
    [Hyperparameter("gamma", Description = "factor of each decay", Minimum = 0, MinimumExclusive = true)]
    public double Gamma { get; set; } = 0.1;
}
