using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Descent.Tracking.FileStore;

/// <summary>
/// Reads and writes the flat <c>meta.yaml</c> files of MLflow's FileStore. Writes what PyYAML's
/// <c>safe_dump(default_flow_style=False, sort_keys=True)</c> writes for the same dictionary: keys in order,
/// <c>null</c>, plain integers, <c>[]</c>, and strings plain unless YAML would read them as something else
/// (<c>'0'</c>, <c>''</c>), in which case single-quoted. Reads any YAML (files written by MLflow itself).
/// </summary>
public static partial class MetaYaml
{
    /// <summary>The document for <paramref name="fields"/>, sorted by key (ordinal, as Python sorts).</summary>
    /// <param name="fields">Values: <c>null</c>, <see cref="long"/>/<see cref="int"/>, <see cref="string"/>, or an empty array.</param>
    public static string Write(IEnumerable<KeyValuePair<string, object?>> fields)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append(": ").Append(Scalar(value)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The top-level mapping of a YAML document: scalars as their text (null for YAML null), sequences as <c>[]</c>-style lists of text.</summary>
    /// <exception cref="FormatException">Not a YAML mapping.</exception>
    public static IReadOnlyDictionary<string, object?> Read(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new FormatException($"not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw new FormatException("expected a YAML mapping of fields");
        }

        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            string key = ((YamlScalarNode)keyNode).Value ?? "";
            fields[key] = valueNode switch
            {
                YamlScalarNode scalar => ScalarValue(scalar),
                YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToArray(),
                _ => null,
            };
        }

        return fields;
    }

    private static string? ScalarValue(YamlScalarNode node)
    {
        bool plain = node.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any;
        return plain && NullPattern().IsMatch(node.Value ?? "") ? null : node.Value;
    }

    private static string Scalar(object? value) => value switch
    {
        null => "null",
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        string s => String(s),
        System.Collections.IEnumerable list when !list.Cast<object>().Any() => "[]",
        _ => throw new ArgumentException($"meta.yaml values are null, integers, strings or empty lists, not {value.GetType().Name}", nameof(value)),
    };

    private static string String(string value)
    {
        if (value.Any(c => char.IsControl(c)))
        {
            return DoubleQuoted(value);
        }

        return IsPlainSafe(value) ? value : $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
    }

    /// <summary>
    /// Plain only when the text is unambiguous: ASCII letters, digits, <c>_ . / - :</c> and inner spaces, not
    /// starting with an indicator, no <c>": "</c> or <c>" #"</c>, and not what YAML 1.1 would resolve to a
    /// bool, null, number or date (PyYAML's implicit resolvers).
    /// </summary>
    private static bool IsPlainSafe(string value) =>
        value.Length > 0
        && PlainCharacters().IsMatch(value)
        && !value.Contains(": ", StringComparison.Ordinal)
        && !value.Contains(" #", StringComparison.Ordinal)
        && !value.EndsWith(':')
        && !NullPattern().IsMatch(value)
        && !BoolPattern().IsMatch(value)
        && !IntPattern().IsMatch(value)
        && !FloatPattern().IsMatch(value)
        && !TimestampPattern().IsMatch(value);

    private static string DoubleQuoted(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => $"\\x{(int)c:X2}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    [GeneratedRegex(@"^[A-Za-z0-9_./][A-Za-z0-9_./: -]*(?<! )$")]
    private static partial Regex PlainCharacters();

    [GeneratedRegex(@"^(?:~|null|Null|NULL|)$")]
    private static partial Regex NullPattern();

    [GeneratedRegex(@"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|y|Y|n|N)$")]
    private static partial Regex BoolPattern();

    [GeneratedRegex(@"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$")]
    private static partial Regex TimestampPattern();
}
