using System.Globalization;

namespace Descent.Sweeps.Workers;

/// <summary>
/// A trial's time limit and where it was set (<c>--trial-timeout</c>, or an experiment file's <c>timeout:</c> and its line),
/// so that a trial that runs past it says which setting ended it. Not part of the trial's identity: the same
/// configuration under another limit is the same trial.
/// </summary>
/// <param name="Limit">How long the trial may run in its worker before the worker is killed.</param>
/// <param name="Origin">The setting that gave it, as a failed trial's error names it, e.g. <c>--trial-timeout</c>.</param>
public sealed record TrialTimeLimit(TimeSpan Limit, string Origin)
{
    /// <summary>What a valid duration looks like, for messages about one that is not.</summary>
    public const string Syntax = "give a positive duration such as 90s, 5m or 2h (a plain number is seconds)";

    /// <summary>The limit given on the command line (<c>--trial-timeout</c>), which overrides every file's for the whole run.</summary>
    public static TrialTimeLimit CommandLine(TimeSpan limit) => new(limit, "--trial-timeout");

    /// <summary>
    /// Reads a duration: a positive number followed by <c>s</c>, <c>m</c> or <c>h</c>, or a plain number of seconds
    /// (<c>90s</c>, <c>5m</c>, <c>2h</c>, <c>1.5</c>); false for anything else.
    /// </summary>
    public static bool TryParseDuration(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text is null)
        {
            return false;
        }

        text = text.Trim();
        double factor = text.EndsWith('h') ? 3600 : text.EndsWith('m') ? 60 : 1;
        string number = text.EndsWith('h') || text.EndsWith('m') || text.EndsWith('s') ? text[..^1] : text;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value > 0) || !double.IsFinite(value * factor)
            || value * factor > TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(value * factor);
        return true;
    }

    /// <summary>The error of a trial that ran past the limit.</summary>
    public string Message() => $"timed out after {Limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s ({Origin}); its worker was killed";
}
