using System.Collections;
using TorchSharp.Modules;

namespace Descent.Contracts;

/// <summary>The named trainable parameters of one trial, in a fixed order (the objective's).</summary>
public sealed class ParameterSet : IReadOnlyList<Parameter>
{
    private readonly Parameter[] parameters;

    /// <summary>Creates the set; names must be unique and non-empty.</summary>
    public ParameterSet(IEnumerable<(string Name, Parameter Parameter)> named)
    {
        ArgumentNullException.ThrowIfNull(named);
        var list = named.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A parameter set needs at least one parameter.", nameof(named));
        }

        var duplicate = list.GroupBy(n => n.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Parameter name '{duplicate.Key}' is used twice.", nameof(named));
        }

        Names = list.Select(n => n.Name).ToArray();
        parameters = list.Select(n => n.Parameter).ToArray();
    }

    /// <summary>The parameters' names, e.g. <c>w</c>, <c>b</c>; used as state and metric keys.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Total number of scalar values over all parameters.</summary>
    public long ElementCount => parameters.Sum(p => p.numel());

    /// <inheritdoc />
    public int Count => parameters.Length;

    /// <inheritdoc />
    public Parameter this[int index] => parameters[index];

    /// <inheritdoc />
    public IEnumerator<Parameter> GetEnumerator() => ((IEnumerable<Parameter>)parameters).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
