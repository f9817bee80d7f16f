using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>Registers the <c>multistep</c> schedule.</summary>
public sealed class MultiStepPlugin() : SchedulePlugin<MultiStepSchedule, MultiStepOptions>(
    id: "multistep",
    version: "1.0.0",
    description: "MultiStepLR: lr = base * gamma^(milestones passed)");
