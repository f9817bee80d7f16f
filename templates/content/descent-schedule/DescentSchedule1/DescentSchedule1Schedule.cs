using Descent.Contracts;

namespace DescentSchedule1;

/// <summary>
/// Inverse square root decay after a linear warm-up (Vaswani et al. 2017), as a starting point:
/// lr(t) = base * min((t + 1) / w, sqrt(w / (t + 1))), stepped per optimizer step. The rate is a function of
/// (base, t) only: the host asks for step t and applies the rate before the step.
/// </summary>
public sealed class DescentSchedule1Schedule(DescentSchedule1Options options) : ILearningRateSchedule
{
    private readonly double warmup = (options ?? throw new ArgumentNullException(nameof(options))).WarmupSteps;

    /// <inheritdoc />
    public ScheduleInterval Interval => ScheduleInterval.Step;

    /// <inheritdoc />
    public double LearningRate(double baseLearningRate, long t) =>
        baseLearningRate * Math.Min((t + 1) / warmup, Math.Sqrt(warmup / (t + 1)));
}
