using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>Registers the <c>exponential</c> schedule.</summary>
public sealed class ExponentialPlugin() : SchedulePlugin<ExponentialSchedule, ExponentialOptions>(
    id: "exponential",
    version: "1.0.0",
    description: "ExponentialLR: lr = base * gamma^t");
