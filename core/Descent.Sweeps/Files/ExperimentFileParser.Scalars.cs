using System.Globalization;
using Descent.Engine.Options;
using Descent.Sweeps.Workers;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Descent.Sweeps.Files;

/// <summary>Reading mappings and scalars, with every problem recorded at its line and column.</summary>
public sealed partial class ExperimentFileParser
{
    /// <summary>The keys of a mapping; an unknown key is reported, and when it looks like a misspelt key, that key goes into <paramref name="misspelt"/>.</summary>
    private Dictionary<string, YamlNode> Mapping(YamlMappingNode node, string what, string[] allowed, ISet<string>? misspelt = null)
    {
        var map = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in node.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(key))
            {
                string? suggestion = Suggestions.Closest(key, allowed);
                if (suggestion is not null)
                {
                    misspelt?.Add(suggestion);
                }

                Error(keyNode, $"unknown key '{key}' in {what}{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; expected one of: {string.Join(", ", allowed)}");
                continue;
            }

            if (!map.TryAdd(key, value))
            {
                Error(keyNode, $"'{key}' is given twice in {what}");
            }
        }

        return map;
    }

    private string? RequiredText(YamlNode owner, Dictionary<string, YamlNode> map, string key)
    {
        if (map.TryGetValue(key, out var node))
        {
            return Text(node, key);
        }

        Error(owner, $"missing '{key}'");
        return null;
    }

    private string? Text(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        Error(node, $"'{what}' must be a non-empty text value");
        return null;
    }

    /// <summary>A scalar as is, or a flat list joined with commas (e.g. a start point).</summary>
    private string? Literal(YamlNode node, string what)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                return scalar.Value ?? "";
            case YamlSequenceNode sequence when sequence.Children.Count > 0 && sequence.Children.All(c => c is YamlScalarNode):
                return string.Join(",", sequence.Children.Select(c => ((YamlScalarNode)c).Value));
            default:
                Error(node, $"'{what}' must be a value or a flat list of values");
                return null;
        }
    }

    /// <summary>A <c>timeout:</c> duration, with its text and line as the origin a timed-out trial names.</summary>
    private TrialTimeLimit? Timeout(YamlNode node)
    {
        string? text = (node as YamlScalarNode)?.Value;
        if (TrialTimeLimit.TryParseDuration(text, out var limit))
        {
            return new TrialTimeLimit(limit, $"timeout: {text!.Trim()}, {Path.GetFileName(file)} line {node.Start.Line}");
        }

        Error(node, $"'timeout' = '{text}' is not a duration; {TrialTimeLimit.Syntax}");
        return null;
    }

    private int? PositiveInt(Dictionary<string, YamlNode> map, string key)
    {
        if (!map.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= 1)
        {
            return value;
        }

        Error(node, $"'{key}' = '{(node as YamlScalarNode)?.Value}' is not a positive integer");
        return null;
    }

    private bool? Bool(YamlNode node, string what)
    {
        if (node is YamlScalarNode s && bool.TryParse(s.Value, out bool value))
        {
            return value;
        }

        Error(node, $"'{what}' = '{(node as YamlScalarNode)?.Value}' is not true or false");
        return null;
    }

    private string? Choice(Dictionary<string, YamlNode> map, string key, string what, string[] choices)
    {
        if (!map.TryGetValue(key, out var node))
        {
            return null;
        }

        string? value = (node as YamlScalarNode)?.Value;
        if (value is not null && choices.Contains(value))
        {
            return value;
        }

        Error(node, $"'{what}' = '{value}' is not valid; use one of: {string.Join(", ", choices)}");
        return null;
    }

    private SourceLocation Location(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    private void Error(YamlNode node, string message) => errors.Add(new ExperimentError(Location(node), message));

    private void Error(SourceLocation at, string message) => errors.Add(new ExperimentError(at, message));

    private void Error(Mark mark, string message) => errors.Add(new ExperimentError(new SourceLocation(file, (int)mark.Line, (int)mark.Column), message));
}
