namespace Descent.Contracts;

/// <summary>
/// Base of a schedule's options (contract 1.1): the <c>interval</c> every schedule takes. A derived class sets
/// the default its PyTorch counterpart is usually stepped with (its constructor assigns <see cref="Interval"/>).
/// </summary>
public abstract class ScheduleOptions
{
    /// <summary>Step the schedule per optimizer step or per epoch.</summary>
    [Hyperparameter("interval", Description = "count optimizer steps (step) or completed epochs (epoch)")]
    public ScheduleInterval Interval { get; set; } = ScheduleInterval.Step;
}
