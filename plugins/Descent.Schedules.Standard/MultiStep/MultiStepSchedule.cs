using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>
/// PyTorch's <c>MultiStepLR(milestones, gamma)</c>: <c>lr(t) = base·gamma^k</c>, k the number of milestones &lt;= t (counted with repeats).
/// </summary>
public sealed class MultiStepSchedule(MultiStepOptions options) : ILearningRateSchedule
{
    /// <inheritdoc />
    public ScheduleInterval Interval => options.Interval;

    /// <inheritdoc />
    public double LearningRate(double baseLearningRate, long t)
    {
        return baseLearningRate * Math.Pow(options.Gamma, options.Milestones.Count(m => m <= t));
    }
}
