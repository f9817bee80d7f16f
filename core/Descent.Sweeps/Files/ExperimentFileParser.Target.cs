using Descent.Engine.Targets;
using YamlDotNet.RepresentationModel;

namespace Descent.Sweeps.Files;

/// <summary>Reading a <c>target:</c> section.</summary>
public sealed partial class ExperimentFileParser
{
    private static readonly string[] TargetKeys = ["metric", "value", "mode", "stop"];

    /// <summary>
    /// <c>target: { metric: valid/accuracy, value: 0.9, mode: max, stop: true }</c>: the mode is optional (inferred from the
    /// metric's name), <c>stop</c> defaults to false. Problems are reported at their line; null when the section is unusable.
    /// </summary>
    private TrialTarget? Target(YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, "'target' must be a mapping, e.g. target: { metric: valid/accuracy, value: 0.9 } (optional: mode: max|min, stop: true)");
            return null;
        }

        int before = errors.Count;
        var map = Mapping(mapping, "target", TargetKeys);
        string? metric = map.TryGetValue("metric", out var m) ? Text(m, "target metric") : null;
        string? value = map.TryGetValue("value", out var v) ? (v as YamlScalarNode)?.Value : null;
        string? mode = map.TryGetValue("mode", out var md) ? Text(md, "target mode") ?? "" : null;
        bool stop = map.TryGetValue("stop", out var s) && (Bool(s, "target stop") ?? false);
        if (!map.ContainsKey("metric") || !map.ContainsKey("value"))
        {
            Error(node, "'target' needs a metric and a value, e.g. target: { metric: valid/accuracy, value: 0.9 }");
            return null;
        }

        if (errors.Count > before)
        {
            return null;
        }

        var target = TrialTarget.Create(metric, value, mode, stop, out string? problem);
        if (target is null)
        {
            // The value's own line when the value is the problem, else the metric's or the mode's.
            var at = problem!.StartsWith("target value", StringComparison.Ordinal) ? v!
                : problem.StartsWith("target mode", StringComparison.Ordinal) ? md!
                : m!;
            Error(at, problem);
        }

        return target;
    }
}
