using Descent.Engine.Options;
using Descent.Sweeps.Files;

namespace Descent.Sweeps.Expansion;

/// <summary>
/// A hyperparameter's value from a number <c>u</c> in [0, 1), the same for random and quasi-random search: uniform and
/// log-uniform ranges scaled (log-uniform in log space), integer ranges and lists indexed by <c>floor(u * n)</c>.
/// </summary>
internal static class SampledValue
{
    /// <summary>Whether the space needs a number to pick its value (a distribution or a list to choose from), rather than being one value.</summary>
    public static bool Draws(HyperparameterDescriptor descriptor, ValueSpace space) => space switch
    {
        FixedValue => false,
        GridValues g when IsWhole(g, descriptor) => false,
        _ => true,
    };

    /// <summary>The value for <paramref name="u"/>: text from a list, a <c>double</c> or <c>long</c> from a distribution (bound as drawn).</summary>
    public static object From(double u, HyperparameterDescriptor descriptor, ValueSpace space) => space switch
    {
        FixedValue f => f.Value,
        GridValues g when IsWhole(g, descriptor) => string.Join(",", g.Values),
        GridValues g => g.Values[Cell(u, g.Values.Count)],
        ChoiceValues c => c.Values[Cell(u, c.Values.Count)],
        UniformValues { Integer: true } i => Math.Min((long)i.High, (long)i.Low + (long)Math.Floor(u * ((long)i.High - (long)i.Low + 1))),
        UniformValues r => r.Low + (u * (r.High - r.Low)),
        LogUniformValues l => Math.Exp(Math.Log(l.Low) + (u * (Math.Log(l.High) - Math.Log(l.Low)))),
        _ => throw new InvalidOperationException($"unknown value space {space.GetType().Name}"),
    };

    /// <summary>A flat list for an array hyperparameter is one value (the array), not a list to choose from.</summary>
    private static bool IsWhole(GridValues g, HyperparameterDescriptor descriptor) =>
        g.Flat && descriptor.Type is HyperparameterType.RealList or HyperparameterType.IntegerList;

    /// <summary><c>floor(u * n)</c>, kept below <paramref name="n"/> should <c>u * n</c> round up to it.</summary>
    private static int Cell(double u, int n) => Math.Min(n - 1, (int)(u * n));
}
