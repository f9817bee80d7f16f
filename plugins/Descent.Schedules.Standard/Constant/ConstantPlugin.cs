using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>Registers the <c>constant</c> schedule.</summary>
public sealed class ConstantPlugin() : SchedulePlugin<ConstantSchedule, ConstantOptions>(
    id: "constant",
    version: "1.0.0",
    description: "ConstantLR: lr = base * factor for the first total_iters, then base (default factor 1: the rate as configured)");
