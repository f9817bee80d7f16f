using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>Arguments of the <c>warmup-cosine</c> schedule, with PyTorch's names and defaults.</summary>
public sealed class WarmupCosineOptions : ScheduleOptions, IValidatableOptions
{
    /// <summary>Steps per step by default, as PyTorch's scheduler is usually stepped.</summary>
    public WarmupCosineOptions() => Interval = ScheduleInterval.Step;

    /// <summary>Steps (epochs) of linear warmup from base * start_factor to base.</summary>
    [Hyperparameter("warmup_steps", Description = "steps (epochs) of linear warmup from base * start_factor to base", Minimum = 1)]
    public int WarmupSteps { get; set; } = 100;

    /// <summary>Steps (epochs) of warmup and decay together.</summary>
    [Hyperparameter("total_steps", Description = "steps (epochs) of warmup and decay together", Minimum = 2)]
    public int TotalSteps { get; set; } = 1000;

    /// <summary>Factor of the first warmup step.</summary>
    [Hyperparameter("start_factor", Description = "factor of the first warmup step", Minimum = 0, MinimumExclusive = true, Maximum = 1)]
    public double StartFactor { get; set; } = 0.01;

    /// <summary>The rate at total_steps.</summary>
    [Hyperparameter("eta_min", Description = "the rate at total_steps", Minimum = 0)]
    public double EtaMin { get; set; } = 0.0;

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        if (TotalSteps <= WarmupSteps)
        {
            yield return $"total_steps = {TotalSteps} must be larger than warmup_steps = {WarmupSteps}: the decay needs at least one step; raise total_steps or lower warmup_steps";
        }
    }
}
