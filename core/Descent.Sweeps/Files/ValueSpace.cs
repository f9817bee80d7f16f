namespace Descent.Sweeps.Files;

/// <summary>
/// The values a hyperparameter takes in a sweep: one fixed value, a list to grid over, or a
/// distribution to sample from in random search.
/// </summary>
public abstract record ValueSpace(SourceLocation Location)
{
    /// <summary>True for spaces that random search samples (distributions); false for fixed values and grids.</summary>
    public abstract bool IsDistribution { get; }
}

/// <summary>One value, written as the command line writes it (<c>0.1</c>, <c>0.9,0.999</c>).</summary>
public sealed record FixedValue(string Value, SourceLocation Location) : ValueSpace(Location)
{
    /// <inheritdoc />
    public override bool IsDistribution => false;
}

/// <summary>
/// A list of values: a grid axis in grid search, a uniform choice in random search. A flat list of
/// numbers given to an array-typed hyperparameter (<c>betas: [0.9, 0.999]</c>) is one value, not a grid;
/// <see cref="Flat"/> lets the expander, which knows the types, tell.
/// </summary>
public sealed record GridValues(IReadOnlyList<string> Values, bool Flat, SourceLocation Location) : ValueSpace(Location)
{
    /// <inheritdoc />
    public override bool IsDistribution => false;
}

/// <summary>Uniform on [Low, High].</summary>
public sealed record UniformValues(double Low, double High, bool Integer, SourceLocation Location) : ValueSpace(Location)
{
    /// <inheritdoc />
    public override bool IsDistribution => true;
}

/// <summary>Log-uniform on [Low, High] (both positive): uniform in log(value).</summary>
public sealed record LogUniformValues(double Low, double High, SourceLocation Location) : ValueSpace(Location)
{
    /// <inheritdoc />
    public override bool IsDistribution => true;
}

/// <summary>One of the listed values, each equally likely.</summary>
public sealed record ChoiceValues(IReadOnlyList<string> Values, SourceLocation Location) : ValueSpace(Location)
{
    /// <inheritdoc />
    public override bool IsDistribution => true;
}
