using Descent.Contracts;
using Descent.Engine.Options;
using static TorchSharp.torch;

namespace Descent.Testing.Checks;

/// <summary>
/// What a dataset must do: load with its defaults (or say clearly why not, e.g. a missing file), hold one
/// label per row in the trial's dtype, describe itself consistently, and load the same bits twice.
/// </summary>
internal static class DatasetChecks
{
    public static IReadOnlyList<CheckResult> Run(IPlugin plugin, OptionsSchema schema, DataLocations data)
    {
        object Options() => Activator.CreateInstance(schema.OptionsType)!;
        IDataset Create(ScalarType dtype) => PluginFactory.Create<IDataset>(plugin, Options(), dtype, 3, data, null);
        var results = new List<CheckResult>();
        IDataset? first;
        try
        {
            first = Create(ScalarType.Float64);
        }
        catch (TrialSetupException e)
        {
            first = null;
            results.Add(CheckResult.Warned("load", $"not loadable here with its defaults: {e.Message}", "give it its data (see the message) and verify again to check the rest"));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            first = null;
            results.Add(CheckResult.Failed("load", $"threw {e.GetType().Name}: {e.Message.Split('\n')[0]}",
                "throw TrialSetupException with a message saying what is missing and how to get it"));
        }

        if (first is null)
        {
            return results;
        }

        using (first)
        {
            results.Add(CheckResult.Passed("load", $"{first.Info.Rows} rows x {first.Features.shape.LastOrDefault()} features"));
            long rows = first.Features.shape[0];
            results.Add(rows == first.Labels.shape[0] && rows == first.Info.Rows
                ? CheckResult.Passed("shapes", $"features, labels and Info agree on {rows} rows")
                : CheckResult.Failed("shapes", $"features have {rows} rows, labels {first.Labels.shape[0]}, Info says {first.Info.Rows}", "keep one label per row and Info.Rows equal to both"));
            results.Add(first.Features.dtype == ScalarType.Float64
                ? CheckResult.Passed("dtype", "float64 features when the trial asks for float64")
                : CheckResult.Failed("dtype", $"the trial asked for float64, the features are {first.Features.dtype}", "convert to the trial context's DType last"));
            using var second = Create(ScalarType.Float64);
            results.Add(Same(first.Features, second.Features) && Same(first.Labels, second.Labels)
                ? CheckResult.Passed("determinism", "two loads give the same bits")
                : CheckResult.Failed("determinism", "two loads with the same seed give different data", "derive any shuffling or sampling from the trial context's generator"));
        }

        return results;
    }

    private static bool Same(TorchSharp.torch.Tensor a, TorchSharp.torch.Tensor b)
    {
        using var scope = NewDisposeScope();
        return a.shape.SequenceEqual(b.shape) && a.dtype == b.dtype && a.eq(b).all().item<bool>();
    }
}
