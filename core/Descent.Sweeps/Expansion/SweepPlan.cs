using System.Security.Cryptography;
using System.Text;
using Descent.Runs.Sweeps;
using Descent.Sweeps.Files;

namespace Descent.Sweeps.Expansion;

/// <summary>An experiment file expanded into its trials, in a fixed order.</summary>
/// <param name="File">The experiment file.</param>
/// <param name="Trials">Every trial of the sweep.</param>
public sealed record SweepPlan(ExperimentFile File, IReadOnlyList<SweepTrial> Trials)
{
    /// <summary>The sweep's identity: a hash of its trials' identities, in order.</summary>
    public string Identity { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", Trials.Select(t => t.Identity)))));

    /// <summary>The optimizer configurations, in order of first appearance.</summary>
    public IReadOnlyList<string> Configurations => Trials.Select(t => t.Configuration).Distinct().ToArray();

    /// <summary>What reading the sweep's runs back needs (reports).</summary>
    public SweepOutline Outline => new(Identity, File.Name, File.Path, File.Description, Trials.Select(t => new OutlinedTrial(t.Identity, t.Name)).ToArray());
}
