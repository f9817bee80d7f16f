using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>Registers the <c>cosine</c> schedule.</summary>
public sealed class CosinePlugin() : SchedulePlugin<CosineSchedule, CosineOptions>(
    id: "cosine",
    version: "1.0.0",
    description: "CosineAnnealingLR: lr = eta_min + (base - eta_min)(1 + cos(pi t / T_max)) / 2");
