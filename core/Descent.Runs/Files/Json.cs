using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Descent.Runs.Files;

/// <summary>How the commands write JSON: snake_case names, NaN and infinities as strings, indented.</summary>
public static class Json
{
    /// <summary>The shared options.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serializes <paramref name="value"/>.</summary>
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);
}
