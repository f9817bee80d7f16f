using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>
/// PyTorch's <c>LinearLR(start_factor, end_factor, total_iters)</c>: <c>lr(t) = base·(start + (end - start)·min(t, total_iters)/total_iters)</c>.
/// </summary>
public sealed class LinearSchedule(LinearOptions options) : ILearningRateSchedule
{
    /// <inheritdoc />
    public ScheduleInterval Interval => options.Interval;

    /// <inheritdoc />
    public double LearningRate(double baseLearningRate, long t)
    {
        return Annealing.Linear(baseLearningRate, options.StartFactor, options.EndFactor, t, options.TotalIters);
    }
}
