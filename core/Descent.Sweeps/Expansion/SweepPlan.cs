using System.Security.Cryptography;
using System.Text;
using Descent.Runs.Sweeps;
using Descent.Sweeps.Files;

namespace Descent.Sweeps.Expansion;

/// <summary>An experiment file expanded into its trials, in a fixed order.</summary>
/// <param name="File">The experiment file.</param>
/// <param name="Trials">Every trial of the sweep (for a sweep too large to list, made when read).</param>
public sealed record SweepPlan(ExperimentFile File, IReadOnlyList<SweepTrial> Trials)
{
    private readonly IReadOnlyList<SweepTrial> trials = Trials;
    private string? identity;

    /// <summary>Every trial of the sweep (for a sweep too large to list, made when read).</summary>
    public IReadOnlyList<SweepTrial> Trials
    {
        get => trials;
        init
        {
            trials = value;
            identity = null;
        }
    }

    /// <summary>True when the trials are made when read rather than held (a sweep above <see cref="SweepExpander.ListedLimit"/>).</summary>
    public bool Unlisted => trials is UnlistedTrials;

    /// <summary>The sweep's identity: a hash of its trials' identities, in order (computed when first asked for).</summary>
    public string Identity => identity ??= Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", trials.Select(t => t.Identity)))));

    /// <summary>The optimizer configurations, in order of first appearance.</summary>
    public IReadOnlyList<string> Configurations => Trials.Select(t => t.Configuration).Distinct().ToArray();

    /// <summary>What reading the sweep's runs back needs (reports).</summary>
    public SweepOutline Outline => new(Identity, File.Name, File.Path, File.Description, Trials.Select(t => new OutlinedTrial(t.Identity, t.Name)).ToArray());
}
