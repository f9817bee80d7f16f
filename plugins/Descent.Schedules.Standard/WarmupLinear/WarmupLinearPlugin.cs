using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>Registers the <c>warmup-linear</c> schedule.</summary>
public sealed class WarmupLinearPlugin() : SchedulePlugin<WarmupLinearSchedule, WarmupLinearOptions>(
    id: "warmup-linear",
    version: "1.0.0",
    description: "linear warmup for warmup_steps, then linear decay to base * end_factor at total_steps (SequentialLR of two LinearLR)");
