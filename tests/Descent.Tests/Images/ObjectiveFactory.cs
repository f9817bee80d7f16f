using System.Reflection;
using System.Runtime.ExceptionServices;
using Descent.Contracts;
using Descent.Engine.Options;
using Descent.Engine.Trials;
using Descent.Tests.Support;

namespace Descent.Tests.Images;

/// <summary>Creates a bundled data objective from the catalog, its options bound from text, on a given dataset.</summary>
public static class ObjectiveFactory
{
    /// <summary>The objective; a plugin's exception comes out unwrapped.</summary>
    public static IObjective Create(string id, TrialContext context, IDataset dataset, params (string Name, string Value)[] settings)
    {
        var problems = new List<ConfigurationProblem>();
        var component = TrialResolver.Component(TestEngine.Catalog, PluginKind.Objective, id, TrialResolver.Text(settings.ToDictionary(s => s.Name, s => s.Value)), problems);
        Assert.That(problems.Select(p => p.Message), Is.Empty, "the options should bind");
        try
        {
            return (IObjective)Activator.CreateInstance(component!.Plugin.Instance.ImplementationType, component.Options.Instance, context, dataset)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
