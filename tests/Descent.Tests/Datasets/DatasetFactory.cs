using System.Reflection;
using System.Runtime.ExceptionServices;
using Descent.Contracts;
using Descent.Engine.Options;
using Descent.Engine.Trials;
using Descent.Tests.Support;
using static TorchSharp.torch;

namespace Descent.Tests.Datasets;

/// <summary>
/// Creates a bundled dataset plugin's dataset the way a trial does: the plugin found in the catalog the
/// host loads, its options bound from text (ranges and cross-checks applied), and its constructor called
/// with the options and a trial context. A plugin's exception comes out unwrapped.
/// </summary>
public static class DatasetFactory
{
    /// <summary>Binds <paramref name="settings"/> and creates the dataset.</summary>
    public static IDataset Create(string id, DataLocations data, params (string Name, string Value)[] settings) =>
        Create(id, data, ScalarType.Float32, settings);

    /// <summary>Binds <paramref name="settings"/> and creates the dataset in <paramref name="dtype"/>.</summary>
    public static IDataset Create(string id, DataLocations data, ScalarType dtype, params (string Name, string Value)[] settings) =>
        Create(id, new TrialContext(seed: 7, dtype, CPU, data), settings);

    /// <summary>Binds <paramref name="settings"/> and creates the dataset for a trial with <paramref name="context"/>.</summary>
    public static IDataset Create(string id, TrialContext context, params (string Name, string Value)[] settings)
    {
        var errors = BindErrors(id, out var component, settings);
        Assert.That(errors, Is.Empty, "the options should bind");
        try
        {
            return (IDataset)Activator.CreateInstance(component!.Plugin.Instance.ImplementationType, component.Options.Instance, context)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    /// <summary>The message of the <see cref="TrialSetupException"/> that creating the dataset throws.</summary>
    public static string SetupError(string id, DataLocations data, params (string Name, string Value)[] settings) =>
        Assert.Throws<TrialSetupException>(() => Create(id, data, settings).Dispose())!.Message;

    /// <summary>What binding <paramref name="settings"/> reports (empty when they are valid).</summary>
    public static IReadOnlyList<string> BindErrors(string id, params (string Name, string Value)[] settings) => BindErrors(id, out _, settings);

    private static List<string> BindErrors(string id, out ResolvedComponent? component, (string Name, string Value)[] settings)
    {
        var problems = new List<ConfigurationProblem>();
        component = TrialResolver.Component(TestEngine.Catalog, PluginKind.Dataset, id, TrialResolver.Text(settings.ToDictionary(s => s.Name, s => s.Value)), problems);
        return problems.Select(p => p.Message).ToList();
    }

    /// <summary>Every element of a tensor as float64, row-major.</summary>
    public static double[] Values(Tensor tensor) => tensor.to_type(ScalarType.Float64).data<double>().ToArray();
}
