using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>
/// PyTorch's <c>SequentialLR([LinearLR(start_factor, 1, warmup_steps), LinearLR(1, end_factor, total_steps - warmup_steps)], [warmup_steps])</c>: a linear ramp to base, then a linear decay to base·end_factor at total_steps.
/// </summary>
public sealed class WarmupLinearSchedule(WarmupLinearOptions options) : ILearningRateSchedule
{
    /// <inheritdoc />
    public ScheduleInterval Interval => options.Interval;

    /// <inheritdoc />
    public double LearningRate(double baseLearningRate, long t)
    {
        long w = options.WarmupSteps;
        return t < w
            ? Annealing.Linear(baseLearningRate, options.StartFactor, 1.0, t, w)
            : Annealing.Linear(baseLearningRate, 1.0, options.EndFactor, t - w, options.TotalSteps - w);
    }
}
