using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>Registers the <c>linear</c> schedule.</summary>
public sealed class LinearPlugin() : SchedulePlugin<LinearSchedule, LinearOptions>(
    id: "linear",
    version: "1.0.0",
    description: "LinearLR: lr = base * (start_factor + (end_factor - start_factor) min(t, total_iters) / total_iters)");
