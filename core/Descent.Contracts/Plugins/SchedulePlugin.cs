namespace Descent.Contracts;

/// <summary>
/// Entry point of a learning-rate schedule plugin (contract 1.1). <typeparamref name="TSchedule"/> needs a
/// public constructor taking <typeparamref name="TOptions"/> (and optionally <see cref="TrialContext"/>).
/// </summary>
/// <example><code>
/// public sealed class StepPlugin() : SchedulePlugin&lt;StepSchedule, StepOptions&gt;("step", "1.0.0", "StepLR: lr = base * gamma^floor(t / step_size)");
/// </code></example>
public abstract class SchedulePlugin<TSchedule, TOptions> : Plugin<TSchedule, TOptions>
    where TSchedule : class, ILearningRateSchedule
    where TOptions : class, new()
{
    /// <summary>Declares the schedule. Leave <paramref name="contractVersion"/> to its default.</summary>
    protected SchedulePlugin(string id, string version, string description, string contractVersion = ContractInfo.Version)
        : base(PluginKind.Schedule, id, version, description, contractVersion)
    {
    }
}
