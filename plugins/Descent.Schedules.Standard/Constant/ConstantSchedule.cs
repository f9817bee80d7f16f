using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>
/// PyTorch's <c>ConstantLR(factor, total_iters)</c>: <c>lr(t) = base·factor</c> while <c>t &lt; total_iters</c>, then <c>base</c>. With the defaults (factor 1) the rate never changes.
/// </summary>
public sealed class ConstantSchedule(ConstantOptions options) : ILearningRateSchedule
{
    /// <inheritdoc />
    public ScheduleInterval Interval => options.Interval;

    /// <inheritdoc />
    public double LearningRate(double baseLearningRate, long t)
    {
        return t < options.TotalIters ? baseLearningRate * options.Factor : baseLearningRate;
    }
}
