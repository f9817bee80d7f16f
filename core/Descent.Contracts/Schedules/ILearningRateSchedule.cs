namespace Descent.Contracts;

/// <summary>
/// A learning-rate schedule (contract 1.1): the learning rate as a function of how many steps (or epochs)
/// have passed, created once per trial. Before each optimizer step the host asks it for the rate and sets
/// it on the optimizer (<see cref="IScheduledOptimizer.LearningRate"/>).
/// </summary>
/// <remarks>
/// The bundled schedules follow PyTorch's <c>torch.optim.lr_scheduler</c>: the rate of the step (or epoch)
/// with zero-based index <c>t</c> is what PyTorch's scheduler holds after <c>t</c> calls of <c>scheduler.step()</c>.
/// A schedule is a pure function of <c>t</c>, so a trial resumed at step <c>t</c> continues with the same rates.
/// </remarks>
public interface ILearningRateSchedule
{
    /// <summary>Whether <c>t</c> counts optimizer steps or completed epochs.</summary>
    ScheduleInterval Interval { get; }

    /// <summary>The learning rate of step (or epoch) <paramref name="t"/>, counted from 0.</summary>
    /// <param name="baseLearningRate">The optimizer's configured rate (its <c>lr</c>): PyTorch's <c>base_lr</c>.</param>
    /// <param name="t">Steps (or epochs) completed before this one.</param>
    double LearningRate(double baseLearningRate, long t);
}
