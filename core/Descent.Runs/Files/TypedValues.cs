using Descent.Engine.Options;
using Descent.Engine.Trials;

namespace Descent.Runs.Files;

/// <summary>A component's resolved options as JSON-friendly values (numbers stay numbers), in declaration order.</summary>
public static class TypedValues
{
    /// <summary>Name to value, every declared hyperparameter included.</summary>
    public static Dictionary<string, object?> Of(ResolvedComponent component)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var h in component.Plugin.Schema.Hyperparameters)
        {
            object? value = h.Property.GetValue(component.Options.Instance);
            values[h.Name] = value is Enum e ? ValueFormat.Value(e) : value;
        }

        return values;
    }
}
