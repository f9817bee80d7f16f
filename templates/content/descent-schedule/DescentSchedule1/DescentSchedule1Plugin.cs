using Descent.Contracts;

namespace DescentSchedule1;

/// <summary>The plugin's entry point: its id (used in experiment files and MLflow), version and description.</summary>
public sealed class DescentSchedule1Plugin() : SchedulePlugin<DescentSchedule1Schedule, DescentSchedule1Options>(
    id: "descentschedule1",
    version: "1.0.0",
    description: "linear warm-up, then inverse square root decay (Vaswani et al. 2017)");
