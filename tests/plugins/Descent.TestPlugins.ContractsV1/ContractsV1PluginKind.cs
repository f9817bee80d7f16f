namespace Descent.Contracts;

/// <summary>PluginKind as contract 1.0 had it (no Schedule).</summary>
public enum PluginKind
{
    Optimizer,
    Objective,
    Dataset,
}
