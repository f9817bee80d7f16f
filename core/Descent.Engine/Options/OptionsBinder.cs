using System.Globalization;
using Descent.Contracts;

namespace Descent.Engine.Options;

/// <summary>
/// Turns <c>name=value</c> settings into a typed options instance, checking names, types and ranges.
/// Every problem is collected (not just the first), each message naming the value and the valid range,
/// each problem naming its plugin and hyperparameter.
/// </summary>
public static class OptionsBinder
{
    /// <summary>Binds <paramref name="values"/> to a new instance of the schema's options class.</summary>
    /// <param name="schema">What the options class declares.</param>
    /// <param name="kind">The kind of plugin the values are for.</param>
    /// <param name="id">The plugin's id (in messages: <c>optimizer 'adam'</c>).</param>
    /// <param name="values">
    /// Values by hyperparameter name: a <see cref="string"/> is text as the user wrote it, parsed here; a
    /// <see cref="double"/> or <see cref="long"/> (a sweep's draw) is bound as it is, its range checked.
    /// </param>
    /// <param name="problems">Receives one problem per wrong value.</param>
    /// <returns>The bound options, or null when there were problems.</returns>
    public static BoundOptions? Bind(
        OptionsSchema schema, PluginKind kind, string id, IEnumerable<KeyValuePair<string, object>> values, ICollection<ConfigurationProblem> problems)
    {
        int problemsBefore = problems.Count;
        string owner = Owner(kind, id);
        object instance = Activator.CreateInstance(schema.OptionsType)!;

        foreach (var (name, given) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var descriptor = Find(schema, kind, id, name, problems);
            if (descriptor is null)
            {
                continue;
            }

            void Fail(string message) => problems.Add(ConfigurationProblem.OfPlugin(kind, id, $"{owner}: {message}", name));
            object? value = given is string raw ? Parse(descriptor, raw, Fail) : Accept(descriptor, given, Fail);
            if (value is not null)
            {
                descriptor.Property.SetValue(instance, value);
            }
        }

        if (problems.Count == problemsBefore && instance is IValidatableOptions validatable)
        {
            foreach (string problem in validatable.Validate())
            {
                problems.Add(ConfigurationProblem.OfPlugin(kind, id, $"{owner}: {problem}"));
            }
        }

        if (problems.Count > problemsBefore)
        {
            return null;
        }

        var typed = schema.Hyperparameters
            .Select(h => new KeyValuePair<string, object?>(h.Name, h.Property.GetValue(instance) is Array array ? array.Clone() : h.Property.GetValue(instance)))
            .ToArray();
        return new BoundOptions(instance, typed);
    }

    /// <summary>The hyperparameter <paramref name="name"/> of the schema, or null with the problem added (and a "did you mean").</summary>
    public static HyperparameterDescriptor? Find(OptionsSchema schema, PluginKind kind, string id, string name, ICollection<ConfigurationProblem> problems)
    {
        var descriptor = schema.Find(name);
        if (descriptor is null)
        {
            problems.Add(ConfigurationProblem.OfPlugin(kind, id, UnknownName(schema, Owner(kind, id), name), name));
        }

        return descriptor;
    }

    private static string Owner(PluginKind kind, string id) => $"{kind.ToString().ToLowerInvariant()} '{id}'";

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

    /// <summary>A value that is already typed: a real for a real, an integer for an integer; anything else as its text.</summary>
    private static object? Accept(HyperparameterDescriptor h, object value, Action<string> fail) => (h.Type, value) switch
    {
        (HyperparameterType.Real, double real) => CheckReal(h, h.Name, real, ValueFormat.Number(real), fail),
        (HyperparameterType.Integer, long or int) => Box(h, CheckInteger(h, h.Name, Convert.ToInt64(value, CultureInfo.InvariantCulture), ValueFormat.Value(value), fail)),
        _ => Parse(h, ValueFormat.Value(value), fail),
    };

    private static object? Parse(HyperparameterDescriptor h, string raw, Action<string> fail)
    {
        string text = raw.Trim();
        switch (h.Type)
        {
            case HyperparameterType.Real:
                return ParseReal(h, h.Name, text, fail);

            case HyperparameterType.Integer:
                return Box(h, ParseInteger(h, h.Name, text, fail));

            case HyperparameterType.Boolean:
                if (!bool.TryParse(text, out bool flag))
                {
                    fail($"{h.Name} = '{raw}' is not true or false");
                    return null;
                }

                return flag;

            case HyperparameterType.Text:
                if (h.Choices.Count > 0 && !h.Choices.Contains(text, StringComparer.Ordinal))
                {
                    fail($"invalid {h.Name} = '{raw}'; valid values are {string.Join(", ", h.Choices)}");
                    return null;
                }

                return text;

            case HyperparameterType.Choice:
                var match = Enum.GetNames(h.Property.PropertyType).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    fail($"invalid {h.Name} = '{raw}'; valid values are {string.Join(", ", h.Choices)}");
                    return null;
                }

                return Enum.Parse(h.Property.PropertyType, match);

            case HyperparameterType.RealList:
            case HyperparameterType.IntegerList:
                var parts = text.Trim('[', ']', '(', ')').Split(',', StringSplitOptions.TrimEntries);
                if (parts.Length == 0 || parts.Any(p => p.Length == 0) || (h.Length > 0 && parts.Length != h.Length))
                {
                    string count = h.Length > 0 ? $"{h.Length} comma-separated numbers" : "comma-separated numbers";
                    fail($"{h.Name} needs {count}, got '{raw}'");
                    return null;
                }

                if (h.Type == HyperparameterType.IntegerList)
                {
                    var integers = parts.Select((p, i) => ParseInteger(h, $"{h.Name}[{i}]", p, fail)).ToArray();
                    return integers.All(i => i is not null) ? integers.Select(i => (int)i!.Value).ToArray() : null;
                }

                var reals = parts.Select((p, i) => ParseReal(h, $"{h.Name}[{i}]", p, fail)).ToArray();
                return reals.All(r => r is not null) ? reals.Select(r => (double)r!).ToArray() : null;

            default:
                throw new InvalidOperationException($"unhandled hyperparameter type {h.Type}");
        }
    }

    /// <summary>Boxes as the property's own type: a conditional of int and long would box both as long.</summary>
    private static object? Box(HyperparameterDescriptor h, long? integer) =>
        integer is not { } value ? null : h.Property.PropertyType == typeof(int) ? (object)(int)value : value;

    private static long? ParseInteger(HyperparameterDescriptor h, string label, string text, Action<string> fail)
    {
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value))
        {
            fail(NotAnInteger(h, label, text));
            return null;
        }

        return CheckInteger(h, label, value, text, fail);
    }

    private static long? CheckInteger(HyperparameterDescriptor h, string label, long value, string text, Action<string> fail)
    {
        bool isInt = h.Property.PropertyType == typeof(int) || h.Property.PropertyType == typeof(int[]);
        if (isInt && value is < int.MinValue or > int.MaxValue)
        {
            fail(NotAnInteger(h, label, text));
            return null;
        }

        if (!h.Contains(value))
        {
            fail($"invalid {label} = {value.ToString(CultureInfo.InvariantCulture)}; valid range is {h.RangeText}");
            return null;
        }

        return value;
    }

    private static string NotAnInteger(HyperparameterDescriptor h, string label, string text) =>
        $"{label} = '{text}' is not an integer; {(h.IsBounded ? $"valid range is {h.RangeText}" : "expected an integer")}";

    private static object? ParseReal(HyperparameterDescriptor h, string label, string text, Action<string> fail) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? CheckReal(h, label, value, text, fail)
            : NotFinite(h, label, text, fail);

    private static object? CheckReal(HyperparameterDescriptor h, string label, double value, string text, Action<string> fail)
    {
        if (!double.IsFinite(value))
        {
            return NotFinite(h, label, text, fail);
        }

        if (!h.Contains(value))
        {
            fail($"invalid {label} = {ValueFormat.Number(value)}; valid range is {h.RangeText}");
            return null;
        }

        return value;
    }

    private static object? NotFinite(HyperparameterDescriptor h, string label, string text, Action<string> fail)
    {
        fail($"{label} = '{text}' is not a finite number; {(h.IsBounded ? $"valid range is {h.RangeText}" : "expected a real number")}");
        return null;
    }
}
