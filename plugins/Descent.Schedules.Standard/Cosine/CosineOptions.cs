using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>Arguments of the <c>cosine</c> schedule, with PyTorch's names and defaults.</summary>
public sealed class CosineOptions : ScheduleOptions
{
    /// <summary>Steps per epoch by default, as PyTorch's scheduler is usually stepped.</summary>
    public CosineOptions() => Interval = ScheduleInterval.Epoch;

    /// <summary>Half period: steps (epochs) from base to eta_min.</summary>
    [Hyperparameter("T_max", Description = "half period: steps (epochs) from base to eta_min", Minimum = 1)]
    public int TMax { get; set; } = 100;

    /// <summary>The lowest rate.</summary>
    [Hyperparameter("eta_min", Description = "the lowest rate", Minimum = 0)]
    public double EtaMin { get; set; } = 0.0;
}
