namespace Descent.Contracts;

/// <summary>What a schedule's count <c>t</c> counts (contract 1.1).</summary>
public enum ScheduleInterval
{
    /// <summary>Optimizer steps: the rate changes before every step (PyTorch: <c>scheduler.step()</c> after each batch).</summary>
    Step,

    /// <summary>
    /// Completed epochs: the rate changes when an epoch begins (PyTorch: <c>scheduler.step()</c> after each epoch).
    /// An analytic objective has no data, so there each step is an epoch.
    /// </summary>
    Epoch,
}
