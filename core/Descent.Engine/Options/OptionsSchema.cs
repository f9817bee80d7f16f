using System.Collections.Concurrent;
using System.Reflection;
using Descent.Contracts;

namespace Descent.Engine.Options;

/// <summary>
/// The hyperparameters an options class declares with <see cref="HyperparameterAttribute"/>, read once
/// per type. Defaults are the property values of a new instance.
/// </summary>
public sealed class OptionsSchema
{
    private static readonly ConcurrentDictionary<Type, OptionsSchema> Cache = new();
    private readonly Dictionary<string, HyperparameterDescriptor> byName;

    private OptionsSchema(Type optionsType, IReadOnlyList<HyperparameterDescriptor> hyperparameters)
    {
        OptionsType = optionsType;
        Hyperparameters = hyperparameters;
        byName = hyperparameters.ToDictionary(h => h.Name, StringComparer.Ordinal);
    }

    /// <summary>The options class.</summary>
    public Type OptionsType { get; }

    /// <summary>The hyperparameters, in declaration order.</summary>
    public IReadOnlyList<HyperparameterDescriptor> Hyperparameters { get; }

    /// <summary>The hyperparameter called <paramref name="name"/>, or null.</summary>
    public HyperparameterDescriptor? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>Reads (and caches) the schema of <paramref name="optionsType"/>.</summary>
    /// <exception cref="InvalidOperationException">The class cannot serve as options; the message says why.</exception>
    public static OptionsSchema For(Type optionsType) => Cache.GetOrAdd(optionsType, Read);

    private static OptionsSchema Read(Type type)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException($"options class {type.FullName} needs a public parameterless constructor");
        }

        object defaults = Activator.CreateInstance(type)!;
        var list = new List<HyperparameterDescriptor>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attribute = property.GetCustomAttribute<HyperparameterAttribute>();
            if (attribute is null)
            {
                continue;
            }

            if (property.SetMethod is null || !property.SetMethod.IsPublic)
            {
                throw new InvalidOperationException($"hyperparameter '{attribute.Name}' ({type.Name}.{property.Name}) needs a public setter or init accessor");
            }

            var kind = KindOf(property.PropertyType)
                ?? throw new InvalidOperationException(
                    $"hyperparameter '{attribute.Name}' ({type.Name}.{property.Name}) has unsupported type {property.PropertyType.Name}; use double, int, long, bool, string, an enum, double[] or int[]");
            var choices = kind == HyperparameterType.Choice
                ? Enum.GetNames(property.PropertyType).Select(n => n.ToLowerInvariant()).ToArray()
                : attribute.Choices;
            object? defaultValue = property.GetValue(defaults);
            if (defaultValue is null)
            {
                // Caught when the plugin loads: a trial that leaves the value out would otherwise fail in the optimizer.
                throw new InvalidOperationException(
                    $"hyperparameter '{attribute.Name}' ({type.Name}.{property.Name}) has no default (null); give it one in the options class, " +
                    $"e.g. {(kind is HyperparameterType.RealList or HyperparameterType.IntegerList ? "= [0.9, 0.999]" : "= \"\"")}");
            }

            list.Add(new HyperparameterDescriptor(
                attribute.Name,
                attribute.Description,
                kind,
                defaultValue,
                attribute.Minimum,
                attribute.Maximum,
                attribute.MinimumExclusive,
                attribute.MaximumExclusive,
                attribute.Length,
                choices,
                property));
        }

        var duplicate = list.GroupBy(h => h.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"options class {type.Name} declares hyperparameter '{duplicate.Key}' twice");
        }

        return new OptionsSchema(type, list);
    }

    private static HyperparameterType? KindOf(Type type) => type switch
    {
        _ when type == typeof(double) => HyperparameterType.Real,
        _ when type == typeof(int) || type == typeof(long) => HyperparameterType.Integer,
        _ when type == typeof(bool) => HyperparameterType.Boolean,
        _ when type == typeof(string) => HyperparameterType.Text,
        _ when type == typeof(double[]) => HyperparameterType.RealList,
        _ when type == typeof(int[]) => HyperparameterType.IntegerList,
        { IsEnum: true } => HyperparameterType.Choice,
        _ => null,
    };
}
