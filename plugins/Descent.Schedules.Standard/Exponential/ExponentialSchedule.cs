using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>
/// PyTorch's <c>ExponentialLR(gamma)</c>: <c>lr(t) = base·gamma^t</c>.
/// </summary>
public sealed class ExponentialSchedule(ExponentialOptions options) : ILearningRateSchedule
{
    /// <inheritdoc />
    public ScheduleInterval Interval => options.Interval;

    /// <inheritdoc />
    public double LearningRate(double baseLearningRate, long t)
    {
        return baseLearningRate * Math.Pow(options.Gamma, t);
    }
}
