using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>
/// PyTorch's <c>StepLR(step_size, gamma)</c>: <c>lr(t) = base·gamma^⌊t / step_size⌋</c>.
/// </summary>
public sealed class StepSchedule(StepOptions options) : ILearningRateSchedule
{
    /// <inheritdoc />
    public ScheduleInterval Interval => options.Interval;

    /// <inheritdoc />
    public double LearningRate(double baseLearningRate, long t)
    {
        return baseLearningRate * Math.Pow(options.Gamma, t / options.StepSize);
    }
}
