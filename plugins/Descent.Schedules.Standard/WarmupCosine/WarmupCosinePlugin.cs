using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>Registers the <c>warmup-cosine</c> schedule.</summary>
public sealed class WarmupCosinePlugin() : SchedulePlugin<WarmupCosineSchedule, WarmupCosineOptions>(
    id: "warmup-cosine",
    version: "1.0.0",
    description: "linear warmup for warmup_steps, then cosine decay to eta_min at total_steps (SequentialLR of LinearLR and CosineAnnealingLR)");
