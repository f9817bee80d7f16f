using Descent.Contracts;
using Descent.Engine.Options;
using Descent.Engine.Trials;
using Descent.Tests.Support;

namespace Descent.Tests.Schedules;

/// <summary>Creates bundled schedules from text arguments, as a trial would.</summary>
public static class Schedules
{
    /// <summary>The ids of the discovered schedule plugins.</summary>
    public static IEnumerable<string> Ids() => TestEngine.Catalog.OfKind(PluginKind.Schedule).Select(p => p.Id);

    /// <summary>Schedule <paramref name="id"/> with <paramref name="args"/> bound and checked like a trial's.</summary>
    public static ILearningRateSchedule Create(string id, IReadOnlyDictionary<string, string> args)
    {
        var problems = new List<ConfigurationProblem>();
        var component = TrialResolver.Component(TestEngine.Catalog, PluginKind.Schedule, id, TrialResolver.Text(args), problems);
        Assert.That(problems, Is.Empty, string.Join("; ", problems));
        return (ILearningRateSchedule)Activator.CreateInstance(component!.Plugin.Instance.ImplementationType, component.Options.Instance)!;
    }
}
