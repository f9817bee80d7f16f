using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>
/// PyTorch's <c>SequentialLR([LinearLR(start_factor, 1, warmup_steps), CosineAnnealingLR(total_steps - warmup_steps, eta_min)], [warmup_steps])</c>: a linear ramp to base, then a cosine down to eta_min at total_steps (rising again past it, as PyTorch's does).
/// </summary>
public sealed class WarmupCosineSchedule(WarmupCosineOptions options) : ILearningRateSchedule
{
    /// <inheritdoc />
    public ScheduleInterval Interval => options.Interval;

    /// <inheritdoc />
    public double LearningRate(double baseLearningRate, long t)
    {
        long w = options.WarmupSteps;
        return t < w
            ? Annealing.Linear(baseLearningRate, options.StartFactor, 1.0, t, w)
            : Annealing.Cosine(baseLearningRate, options.EtaMin, t - w, options.TotalSteps - w);
    }
}
