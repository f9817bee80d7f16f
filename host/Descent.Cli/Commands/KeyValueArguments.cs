namespace Descent.Cli.Commands;

/// <summary>Parses repeated <c>NAME=VALUE</c> arguments (<c>--hp lr=0.1 --hp momentum=0.9</c>).</summary>
public static class KeyValueArguments
{
    /// <summary>The pairs, in order; problems (missing '=', empty name, a name given twice) are added to <paramref name="errors"/>.</summary>
    public static Dictionary<string, string> Parse(string option, IEnumerable<string>? arguments, ICollection<string> errors)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string argument in arguments ?? [])
        {
            int equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                errors.Add($"{option} '{argument}' must be NAME=VALUE (e.g. {option} lr=0.1)");
                continue;
            }

            string name = argument[..equals].Trim();
            string value = argument[(equals + 1)..].Trim();
            if (!pairs.TryAdd(name, value))
            {
                errors.Add($"{option} {name} is given twice ('{pairs[name]}' and '{value}'); give it once");
            }
        }

        return pairs;
    }
}
