using Descent.Contracts;

namespace Descent.Testing;

/// <summary>The checks run on one plugin.</summary>
/// <param name="Id">The plugin's id.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Source">Where it came from (an assembly path, or its type for a plugin verified in-process).</param>
/// <param name="Checks">Every check, in the order run.</param>
public sealed record PluginVerification(string Id, PluginKind Kind, string Source, IReadOnlyList<CheckResult> Checks)
{
    /// <summary>True when no check failed (warnings allowed).</summary>
    public bool Passed => Checks.All(c => c.Outcome != CheckOutcome.Fail);

    /// <summary>The failed checks.</summary>
    public IEnumerable<CheckResult> Failures => Checks.Where(c => c.Outcome == CheckOutcome.Fail);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Kind.ToString().ToLowerInvariant()} '{Id}' ({Source}):{Environment.NewLine}" + string.Join(Environment.NewLine, Checks.Select(c => "  " + c));
}
