using System.Globalization;
using Descent.Contracts;

namespace Descent.Engine.Options;

/// <summary>
/// Turns <c>name=value</c> text into a typed options instance, checking names, types and ranges.
/// Every problem is collected (not just the first), each message naming the value and the valid range.
/// </summary>
public static class OptionsBinder
{
    /// <summary>Binds <paramref name="values"/> to a new instance of the schema's options class.</summary>
    /// <param name="schema">What the options class declares.</param>
    /// <param name="owner">Who the values are for, in messages: <c>optimizer 'adam'</c>.</param>
    /// <param name="values">Raw values by hyperparameter name.</param>
    /// <param name="errors">Receives one message per problem.</param>
    /// <returns>The bound options, or null when there were errors.</returns>
    public static BoundOptions? Bind(OptionsSchema schema, string owner, IReadOnlyDictionary<string, string> values, ICollection<string> errors)
    {
        int errorsBefore = errors.Count;
        object instance = Activator.CreateInstance(schema.OptionsType)!;

        foreach (var (name, raw) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var descriptor = schema.Find(name);
            if (descriptor is null)
            {
                errors.Add(UnknownName(schema, owner, name));
                continue;
            }

            object? value = Parse(descriptor, owner, raw, errors);
            if (value is not null)
            {
                descriptor.Property.SetValue(instance, value);
            }
        }

        if (errors.Count == errorsBefore && instance is IValidatableOptions validatable)
        {
            foreach (string problem in validatable.Validate())
            {
                errors.Add($"{owner}: {problem}");
            }
        }

        if (errors.Count > errorsBefore)
        {
            return null;
        }

        var resolved = schema.Hyperparameters
            .Select(h => new KeyValuePair<string, string>(h.Name, ValueFormat.Value(h.Property.GetValue(instance))))
            .ToArray();
        return new BoundOptions(instance, resolved);
    }

    private static string UnknownName(OptionsSchema schema, string owner, string name)
    {
        if (schema.Hyperparameters.Count == 0)
        {
            return $"{owner} takes no hyperparameters, but '{name}' was given";
        }

        var names = schema.Hyperparameters.Select(h => h.Name).ToArray();
        string? suggestion = Suggestions.Closest(name, names);
        return $"{owner} has no hyperparameter '{name}'{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; valid names: {string.Join(", ", names)}";
    }

    private static object? Parse(HyperparameterDescriptor h, string owner, string raw, ICollection<string> errors)
    {
        string text = raw.Trim();
        switch (h.Type)
        {
            case HyperparameterType.Real:
                return ParseReal(h, owner, h.Name, text, errors) is { } real ? real : null;

            case HyperparameterType.Integer:
                long? integer = ParseInteger(h, owner, h.Name, text, errors);
                if (integer is null)
                {
                    return null;
                }

                // Box as the property's own type: a conditional of int and long would box both as long.
                return h.Property.PropertyType == typeof(int) ? (object)(int)integer.Value : integer.Value;

            case HyperparameterType.Boolean:
                if (!bool.TryParse(text, out bool flag))
                {
                    errors.Add($"{owner}: {h.Name} = '{raw}' is not true or false");
                    return null;
                }

                return flag;

            case HyperparameterType.Text:
                if (h.Choices.Count > 0 && !h.Choices.Contains(text, StringComparer.Ordinal))
                {
                    errors.Add($"{owner}: invalid {h.Name} = '{raw}'; valid values are {string.Join(", ", h.Choices)}");
                    return null;
                }

                return text;

            case HyperparameterType.Choice:
                var match = Enum.GetNames(h.Property.PropertyType).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    errors.Add($"{owner}: invalid {h.Name} = '{raw}'; valid values are {string.Join(", ", h.Choices)}");
                    return null;
                }

                return Enum.Parse(h.Property.PropertyType, match);

            case HyperparameterType.RealList:
            case HyperparameterType.IntegerList:
                var parts = text.Trim('[', ']', '(', ')').Split(',', StringSplitOptions.TrimEntries);
                if (parts.Length == 0 || parts.Any(p => p.Length == 0) || (h.Length > 0 && parts.Length != h.Length))
                {
                    string count = h.Length > 0 ? $"{h.Length} comma-separated numbers" : "comma-separated numbers";
                    errors.Add($"{owner}: {h.Name} needs {count}, got '{raw}'");
                    return null;
                }

                if (h.Type == HyperparameterType.IntegerList)
                {
                    var integers = parts.Select((p, i) => ParseInteger(h, owner, $"{h.Name}[{i}]", p, errors)).ToArray();
                    return integers.All(i => i is not null) ? integers.Select(i => (int)i!.Value).ToArray() : null;
                }

                var reals = parts.Select((p, i) => ParseReal(h, owner, $"{h.Name}[{i}]", p, errors)).ToArray();
                return reals.All(r => r is not null) ? reals.Select(r => r!.Value).ToArray() : null;

            default:
                throw new InvalidOperationException($"unhandled hyperparameter type {h.Type}");
        }
    }

    private static long? ParseInteger(HyperparameterDescriptor h, string owner, string label, string text, ICollection<string> errors)
    {
        bool isInt = h.Property.PropertyType == typeof(int) || h.Property.PropertyType == typeof(int[]);
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ||
            (isInt && value is < int.MinValue or > int.MaxValue))
        {
            string expected = h.IsBounded ? $"valid range is {h.RangeText}" : "expected an integer";
            errors.Add($"{owner}: {label} = '{text}' is not an integer; {expected}");
            return null;
        }

        if (!h.Contains(value))
        {
            errors.Add($"{owner}: invalid {label} = {value.ToString(CultureInfo.InvariantCulture)}; valid range is {h.RangeText}");
            return null;
        }

        return value;
    }

    private static double? ParseReal(HyperparameterDescriptor h, string owner, string label, string text, ICollection<string> errors)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            string expected = h.IsBounded ? $"valid range is {h.RangeText}" : "expected a real number";
            errors.Add($"{owner}: {label} = '{text}' is not a finite number; {expected}");
            return null;
        }

        if (!h.Contains(value))
        {
            errors.Add($"{owner}: invalid {label} = {ValueFormat.Number(value)}; valid range is {h.RangeText}");
            return null;
        }

        return value;
    }
}
