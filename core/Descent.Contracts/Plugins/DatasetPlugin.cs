namespace Descent.Contracts;

/// <summary>
/// Entry point of a dataset plugin. <typeparamref name="TDataset"/> needs a public constructor taking
/// <typeparamref name="TOptions"/> and <see cref="TrialContext"/>.
/// </summary>
public abstract class DatasetPlugin<TDataset, TOptions> : Plugin<TDataset, TOptions>
    where TDataset : class, IDataset
    where TOptions : class, new()
{
    /// <summary>Declares the dataset. Leave <paramref name="contractVersion"/> to its default.</summary>
    protected DatasetPlugin(string id, string version, string description, string contractVersion = ContractInfo.Version)
        : base(PluginKind.Dataset, id, version, description, contractVersion)
    {
    }
}
