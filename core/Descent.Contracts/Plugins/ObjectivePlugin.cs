namespace Descent.Contracts;

/// <summary>Entry point of an objective plugin, implemented by <see cref="IObjectivePlugin"/> so the host can read its needs.</summary>
public interface IObjectivePlugin : IPlugin
{
    /// <summary>True when the objective's constructor takes an <see cref="IDataset"/>: a trial must name a dataset.</summary>
    bool RequiresDataset { get; }
}

/// <summary>
/// Entry point of an objective plugin. <typeparamref name="TObjective"/> needs a public constructor taking
/// <typeparamref name="TOptions"/> and <see cref="TrialContext"/>, plus <see cref="IDataset"/> when
/// <see cref="RequiresDataset"/> is true.
/// </summary>
public abstract class ObjectivePlugin<TObjective, TOptions> : Plugin<TObjective, TOptions>, IObjectivePlugin
    where TObjective : class, IObjective
    where TOptions : class, new()
{
    /// <summary>Declares the objective. Leave <paramref name="contractVersion"/> to its default.</summary>
    protected ObjectivePlugin(string id, string version, string description, bool requiresDataset = false, string contractVersion = ContractInfo.Version)
        : base(PluginKind.Objective, id, version, description, contractVersion)
    {
        RequiresDataset = requiresDataset;
    }

    /// <inheritdoc />
    public bool RequiresDataset { get; }
}
