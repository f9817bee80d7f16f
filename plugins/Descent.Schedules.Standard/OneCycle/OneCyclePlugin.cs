using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>Registers the <c>one-cycle</c> schedule.</summary>
public sealed class OneCyclePlugin() : SchedulePlugin<OneCycleSchedule, OneCycleOptions>(
    id: "one-cycle",
    version: "1.0.0",
    description: "OneCycleLR (Smith and Topin 2018): up to max_lr over pct_start, then annealed to max_lr/div_factor/final_div_factor");
