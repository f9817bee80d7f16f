using System.Text;

namespace Descent.Tracking;

/// <summary>
/// Keys and values that every MLflow server and the FileStore accept: keys of letters, digits,
/// <c>_ - . /</c> and space, a clean relative path (no leading <c>/</c>, no <c>..</c>, <c>//</c> or
/// trailing <c>/</c>), at most 250 characters; values cut to the server's limit.
/// </summary>
public static class MlflowKeys
{
    /// <summary>True when MLflow accepts <paramref name="key"/> as it is.</summary>
    public static bool IsValid(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MlflowLimits.KeyLength || key[0] == '/' || key[^1] == '/')
        {
            return false;
        }

        foreach (char c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ' '))
            {
                return false;
            }
        }

        foreach (string segment in key.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A valid key made from <paramref name="name"/>: other characters become <c>_</c>, empty and dot-only
    /// path segments are dropped, and the result is cut to 250 characters.
    /// </summary>
    public static string Sanitize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ' ' ? c : '_');
        }

        var segments = text.ToString().Split('/').Where(s => s.Trim('.').Length > 0).ToArray();
        string key = string.Join('/', segments);
        if (key.Length == 0)
        {
            key = "_";
        }

        return key.Length > MlflowLimits.KeyLength ? key[..MlflowLimits.KeyLength].TrimEnd('/') : key;
    }

    /// <summary>A param value cut to <see cref="MlflowLimits.ParamValueLength"/> characters.</summary>
    public static string ParamValue(string value) => Cut(value, MlflowLimits.ParamValueLength);

    /// <summary>A tag value cut to <see cref="MlflowLimits.TagValueLength"/> characters.</summary>
    public static string TagValue(string value) => Cut(value, MlflowLimits.TagValueLength);

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];
}
