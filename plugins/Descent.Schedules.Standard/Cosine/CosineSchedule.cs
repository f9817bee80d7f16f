using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>
/// PyTorch's <c>CosineAnnealingLR(T_max, eta_min)</c> (SGDR without restarts, Loshchilov and Hutter 2017): <c>lr(t) = eta_min + (base - eta_min)(1 + cos(πt/T_max))/2</c>; past T_max it rises again, as PyTorch's does.
/// </summary>
public sealed class CosineSchedule(CosineOptions options) : ILearningRateSchedule
{
    /// <inheritdoc />
    public ScheduleInterval Interval => options.Interval;

    /// <inheritdoc />
    public double LearningRate(double baseLearningRate, long t)
    {
        return Annealing.Cosine(baseLearningRate, options.EtaMin, t, options.TMax);
    }
}
