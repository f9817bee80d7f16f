namespace Descent.Testing;

/// <summary>One check on one plugin.</summary>
/// <param name="Check">The check's name, e.g. <c>state round trip</c>.</param>
/// <param name="Outcome">Pass, warning or fail.</param>
/// <param name="Detail">What was measured or what is wrong, with the values.</param>
/// <param name="Fix">For a warning or failure: what to change.</param>
public sealed record CheckResult(string Check, CheckOutcome Outcome, string Detail, string? Fix = null)
{
    /// <summary>A passed check.</summary>
    public static CheckResult Passed(string check, string detail) => new(check, CheckOutcome.Pass, detail);

    /// <summary>A warning.</summary>
    public static CheckResult Warned(string check, string detail, string fix) => new(check, CheckOutcome.Warning, detail, fix);

    /// <summary>A failure.</summary>
    public static CheckResult Failed(string check, string detail, string fix) => new(check, CheckOutcome.Fail, detail, fix);

    /// <inheritdoc />
    public override string ToString() => $"{Outcome.ToString().ToLowerInvariant(),-7} {Check}: {Detail}{(Fix is null ? "" : $" (fix: {Fix})")}";
}
