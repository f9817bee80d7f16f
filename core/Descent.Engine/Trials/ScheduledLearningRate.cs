using Descent.Contracts;

namespace Descent.Engine.Trials;

/// <summary>
/// Drives a trial's schedule: before each step it sets the optimizer's learning rate to the schedule's
/// rate for the steps (or epochs) completed so far, from the rate the optimizer was configured with.
/// </summary>
public sealed class ScheduledLearningRate
{
    private readonly IScheduledOptimizer optimizer;
    private readonly ILearningRateSchedule schedule;

    private ScheduledLearningRate(IScheduledOptimizer optimizer, ILearningRateSchedule schedule)
    {
        this.optimizer = optimizer;
        this.schedule = schedule;
        BaseLearningRate = optimizer.LearningRate;
    }

    /// <summary>The optimizer's configured rate: PyTorch's <c>base_lr</c>.</summary>
    public double BaseLearningRate { get; }

    /// <summary>The rate the optimizer holds now (after a step: the rate that step used), read back from it.</summary>
    public double Applied => optimizer.LearningRate;

    /// <summary>The driver for <paramref name="optimizer"/>, which the resolver has checked takes a schedule.</summary>
    /// <exception cref="TrialSetupException">The optimizer does not implement <see cref="IScheduledOptimizer"/>.</exception>
    public static ScheduledLearningRate For(IOptimizer optimizer, ILearningRateSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return optimizer is IScheduledOptimizer scheduled
            ? new ScheduledLearningRate(scheduled, schedule)
            : throw new TrialSetupException($"{optimizer.GetType().Name} does not implement {nameof(IScheduledOptimizer)}, so a schedule cannot set its learning rate");
    }

    /// <summary>Sets the rate of the next step: <paramref name="steps"/> steps and <paramref name="epochs"/> epochs are complete.</summary>
    public void BeforeStep(long steps, long epochs)
    {
        long t = schedule.Interval == ScheduleInterval.Epoch ? epochs : steps;
        optimizer.LearningRate = schedule.LearningRate(BaseLearningRate, t);
    }
}
