namespace Descent.Contracts;

/// <summary>
/// Options with rules that span several values (e.g. Nesterov momentum needs momentum &gt; 0 and no
/// dampening). Ranges of single values belong on <see cref="HyperparameterAttribute"/> instead.
/// </summary>
public interface IValidatableOptions
{
    /// <summary>Every rule that is broken, one message each, naming the values; empty when valid.</summary>
    IEnumerable<string> Validate();
}
