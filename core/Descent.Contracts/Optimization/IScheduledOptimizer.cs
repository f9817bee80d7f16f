namespace Descent.Contracts;

/// <summary>
/// An optimizer whose learning rate the host may change between steps (contract 1.1), so a trial can run
/// it under a schedule (<see cref="ILearningRateSchedule"/>). A plugin built against contract 1.0 cannot
/// implement it: it runs with its constant rate, and a trial that asks for a schedule with it is refused.
/// </summary>
/// <remarks>
/// <see cref="SlotOptimizer"/> makes this one line: pass the rate to its constructor
/// (<c>SlotOptimizer(parameters, slots, options.Lr)</c>), use <c>Lr</c> in <c>Update</c>, and add this interface
/// to the class. <see cref="TorchOptimizer"/> implements it through TorchSharp's param groups.
/// An optimizer with several rates (one per parameter group) scales each group's rate by
/// <c>LearningRate / initial LearningRate</c>, as PyTorch's schedulers scale each group from its own <c>initial_lr</c>.
/// </remarks>
public interface IScheduledOptimizer : IOptimizer
{
    /// <summary>
    /// The rate of the next step. Reads as the configured rate (the <c>lr</c> hyperparameter, the schedule's
    /// base) until the host sets it; the host sets it before each step, and reads it back after, to record
    /// the rate the step used.
    /// </summary>
    double LearningRate { get; set; }
}
