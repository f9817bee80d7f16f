using System.CommandLine;

namespace Descent.Cli.Reports;

/// <summary>Where reports go: <c>descent report --out</c>, <c>descent sweep --report-dir</c> and <c>--no-report</c>.</summary>
public static class ReportOptions
{
    /// <summary>The folder reports go to by default, under the current directory.</summary>
    public const string DefaultRoot = "out";

    /// <summary><c>descent report --out DIR</c>.</summary>
    public static Option<string> Out { get; } = new("--out")
    {
        Description = $"directory for index.html, report.md and the PNG files (default: {DefaultRoot}/<experiment name>/)",
    };

    /// <summary><c>descent sweep --report-dir DIR</c>.</summary>
    public static Option<string> ReportDirectory { get; } = new("--report-dir")
    {
        Description = $"where the report of a complete sweep goes (default: {DefaultRoot}/<experiment name>/); it is also attached to the parent run",
    };

    /// <summary><c>descent sweep --no-report</c>.</summary>
    public static Option<bool> NoReport { get; } = new("--no-report")
    {
        Description = "do not write a report when the sweep is complete (make one later with 'descent report FILE')",
    };

    /// <summary><c>out/NAME</c>, with the characters a file name cannot hold replaced.</summary>
    public static string DefaultDirectory(string experimentName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experimentName);
        var invalid = Path.GetInvalidFileNameChars().Append('\\').Append(':').ToHashSet();
        string safe = new(experimentName.Trim().Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray());
        return Path.Combine(DefaultRoot, safe is "." or ".." ? "_" : safe);
    }
}
