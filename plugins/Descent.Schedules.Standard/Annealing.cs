namespace Descent.Schedules.Standard;

/// <summary>The closed forms PyTorch's schedulers document (their <c>_get_closed_form_lr</c>), shared by the schedules.</summary>
internal static class Annealing
{
    /// <summary>CosineAnnealingLR: <c>eta_min + (base - eta_min)(1 + cos(π t / tMax)) / 2</c>.</summary>
    public static double Cosine(double baseLearningRate, double etaMin, long t, long tMax) =>
        etaMin + ((baseLearningRate - etaMin) * (1 + Math.Cos(Math.PI * t / tMax)) / 2);

    /// <summary>LinearLR: <c>base (start + (end - start) min(t, total) / total)</c>.</summary>
    public static double Linear(double baseLearningRate, double startFactor, double endFactor, long t, long total) =>
        baseLearningRate * (startFactor + ((endFactor - startFactor) * Math.Min(total, t) / total));
}
