using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>Arguments of the <c>linear</c> schedule, with PyTorch's names and defaults.</summary>
public sealed class LinearOptions : ScheduleOptions
{
    /// <summary>Steps per epoch by default, as PyTorch's scheduler is usually stepped.</summary>
    public LinearOptions() => Interval = ScheduleInterval.Epoch;

    /// <summary>Factor of the first step (epoch).</summary>
    [Hyperparameter("start_factor", Description = "factor of the first step (epoch)", Minimum = 0, MinimumExclusive = true, Maximum = 1)]
    public double StartFactor { get; set; } = 1.0 / 3;

    /// <summary>Factor from total_iters on.</summary>
    [Hyperparameter("end_factor", Description = "factor from total_iters on", Minimum = 0, Maximum = 1)]
    public double EndFactor { get; set; } = 1.0;

    /// <summary>Steps (epochs) of the ramp.</summary>
    [Hyperparameter("total_iters", Description = "steps (epochs) of the ramp", Minimum = 1)]
    public int TotalIters { get; set; } = 5;
}
