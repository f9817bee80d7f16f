using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>Registers the <c>step</c> schedule.</summary>
public sealed class StepPlugin() : SchedulePlugin<StepSchedule, StepOptions>(
    id: "step",
    version: "1.0.0",
    description: "StepLR: lr = base * gamma^floor(t / step_size)");
