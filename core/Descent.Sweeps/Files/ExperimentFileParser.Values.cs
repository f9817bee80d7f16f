using System.Globalization;
using Descent.Engine.Options;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Descent.Sweeps.Files;

/// <summary>The hyperparameter spaces of an optimizer entry: a value, a list, or a distribution.</summary>
public sealed partial class ExperimentFileParser
{
    private ValueSpace? Space(YamlNode node, string name)
    {
        var at = Location(node);
        switch (node)
        {
            case YamlScalarNode scalar:
                return new FixedValue(scalar.Value ?? "", at);

            case YamlSequenceNode sequence when sequence.Children.Count == 0:
                Error(node, $"hyperparameter '{name}': an empty list gives no values");
                return null;

            case YamlSequenceNode sequence:
                bool flat = sequence.Children.All(c => c is YamlScalarNode);
                var values = sequence.Children.Select(c => Literal(c, name)).ToArray();
                return values.Any(v => v is null) ? null : new GridValues(values!, flat, at);

            case YamlMappingNode mapping when mapping.Children.Count == 1:
                string kind = ((YamlScalarNode)mapping.Children.Keys.Single()).Value ?? "";
                var argument = mapping.Children.Values.Single();
                return Distribution(kind, argument, name, at);

            default:
                Error(node, $"hyperparameter '{name}': give a value, a list, or one distribution ({string.Join(", ", Distributions.Select(x => x + ": [...]"))})");
                return null;
        }
    }

    private ValueSpace? Distribution(string kind, YamlNode argument, string name, SourceLocation at)
    {
        if (!Distributions.Contains(kind))
        {
            string? suggestion = Suggestions.Closest(kind, Distributions);
            Error(at, $"hyperparameter '{name}': unknown distribution '{kind}'{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; use one of: {string.Join(", ", Distributions)}");
            return null;
        }

        var items = argument is YamlSequenceNode seq ? seq.Children.Select(c => (c as YamlScalarNode)?.Value).ToArray() : [];
        if (kind == "choice")
        {
            if (items.Length == 0 || items.Any(i => i is null))
            {
                Error(argument, $"hyperparameter '{name}': 'choice' needs a non-empty list of values");
                return null;
            }

            return new ChoiceValues(items!, at);
        }

        double[] bounds = items.Length == 2 && items.All(i => double.TryParse(i, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            ? items.Select(i => double.Parse(i!, CultureInfo.InvariantCulture)).ToArray()
            : [];
        if (bounds.Length != 2 || !bounds.All(double.IsFinite) || bounds[0] >= bounds[1])
        {
            Error(argument, $"hyperparameter '{name}': '{kind}' needs [low, high] with finite numbers, low < high");
            return null;
        }

        if (kind == "int_uniform" && bounds.Any(b => b != Math.Floor(b)))
        {
            Error(argument, $"hyperparameter '{name}': 'int_uniform' needs integer bounds, got [{ValueFormat.Number(bounds[0])}, {ValueFormat.Number(bounds[1])}]");
            return null;
        }

        if (kind == "loguniform")
        {
            if (bounds[0] <= 0)
            {
                Error(argument, $"hyperparameter '{name}': 'loguniform' needs positive bounds, got [{ValueFormat.Number(bounds[0])}, {ValueFormat.Number(bounds[1])}]");
                return null;
            }

            return new LogUniformValues(bounds[0], bounds[1], at);
        }

        return new UniformValues(bounds[0], bounds[1], kind == "int_uniform", at);
    }
}
