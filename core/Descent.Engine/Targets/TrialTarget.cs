using System.Globalization;

namespace Descent.Engine.Targets;

/// <summary>
/// A value of one evaluation metric a trial should reach (<c>target: { metric: valid/accuracy, value: 0.9 }</c>,
/// <c>--target valid/accuracy=0.9</c>): the first evaluation that reaches it gives the trial's
/// <see cref="TimeToTarget"/>, and with <see cref="Stop"/> the trial ends there (FINISHED).
/// </summary>
/// <param name="Metric">The metric as tracking names it, <c>SPLIT/NAME</c>: <c>valid/accuracy</c>, <c>test/loss</c>, <c>train/loss</c>.</param>
/// <param name="Value">The value to reach.</param>
/// <param name="Mode"><see cref="TargetMode.Max"/>: reached when the metric is &gt;= <paramref name="Value"/>; <see cref="TargetMode.Min"/>: when &lt;=.</param>
/// <param name="Stop">End the trial at the evaluation that first reaches the target.</param>
/// <remarks>
/// Identity (<see cref="Trials.TrialIdentity"/>): a target without <see cref="Stop"/> only measures, so it is not part of the
/// trial's identity (the trial trains exactly as without it); a target with <see cref="Stop"/> changes what is trained and is.
/// </remarks>
public sealed record TrialTarget(string Metric, double Value, TargetMode Mode, bool Stop = false)
{
    /// <summary>The command-line syntax, for help and messages.</summary>
    public const string Syntax = "METRIC=VALUE, e.g. valid/accuracy=0.9 or test/loss=0.35 (accuracies are reached at >= VALUE, losses at <=)";

    /// <summary>True when <paramref name="value"/> reaches the target (NaN never does).</summary>
    public bool IsReachedBy(double value) => Mode == TargetMode.Max ? value >= Value : value <= Value;

    /// <summary>The target in words: <c>valid/accuracy &gt;= 0.9</c>.</summary>
    public string Describe() => $"{Metric} {(Mode == TargetMode.Max ? ">=" : "<=")} {Value.ToString("R", CultureInfo.InvariantCulture)}";

    /// <summary><c>max</c> or <c>min</c>, as files and params write the mode.</summary>
    public static string ModeName(TargetMode mode) => mode == TargetMode.Max ? "max" : "min";

    /// <summary>
    /// The direction a metric's name implies: names with <c>accuracy</c> are reached from below (<see cref="TargetMode.Max"/>),
    /// names with <c>loss</c> from above (<see cref="TargetMode.Min"/>); null for any other name (give the mode).
    /// </summary>
    public static TargetMode? InferMode(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Contains("accuracy", StringComparison.OrdinalIgnoreCase) ? TargetMode.Max
            : metric.Contains("loss", StringComparison.OrdinalIgnoreCase) ? TargetMode.Min
            : null;
    }

    /// <summary>Reads <c>max</c> or <c>min</c>; null for anything else.</summary>
    public static TargetMode? ParseMode(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "max" => TargetMode.Max,
        "min" => TargetMode.Min,
        _ => null,
    };

    /// <summary>
    /// A target from its parts as a file or the command line gives them, or null with <paramref name="error"/> naming the bad value
    /// and what to write instead.
    /// </summary>
    /// <param name="metric">The metric name.</param>
    /// <param name="value">The value, as text.</param>
    /// <param name="mode"><c>max</c>, <c>min</c>, or null to infer it from the metric's name.</param>
    /// <param name="stop">End the trial when reached.</param>
    /// <param name="error">Why there is no target.</param>
    public static TrialTarget? Create(string? metric, string? value, string? mode, bool stop, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(metric))
        {
            error = "the target names no metric; give one, e.g. metric: valid/accuracy";
            return null;
        }

        metric = metric.Trim();
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || !double.IsFinite(number))
        {
            error = $"target value '{value}' is not a finite number; give one, e.g. {metric}=0.9";
            return null;
        }

        TargetMode? direction;
        if (mode is not null)
        {
            direction = ParseMode(mode);
            if (direction is null)
            {
                error = $"target mode '{mode}' is neither max nor min; max: reached at >= value (accuracies), min: at <= value (losses)";
                return null;
            }
        }
        else
        {
            direction = InferMode(metric);
            if (direction is null)
            {
                error = $"target metric '{metric}' names neither an accuracy nor a loss, so whether it is reached from above or below is unknown; add mode: max or mode: min";
                return null;
            }
        }

        return new TrialTarget(metric, number, direction.Value, stop);
    }

    /// <summary>
    /// Parses the command-line form <c>METRIC=VALUE</c> (<see cref="Syntax"/>), the mode inferred from the name
    /// unless <paramref name="mode"/> gives it; null with <paramref name="error"/> when it is not that form.
    /// </summary>
    public static TrialTarget? Parse(string text, string? mode, bool stop, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == text.Length - 1)
        {
            error = $"--target '{text}' is not METRIC=VALUE; write it as {Syntax}";
            return null;
        }

        return Create(text[..equals], text[(equals + 1)..].Trim(), mode, stop, out error);
    }
}
