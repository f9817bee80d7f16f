using System.Text.Json;
using System.Text.Json.Serialization;

namespace Descent.Tracking.Rest.Wire;

/// <summary>
/// MLflow's JSON: snake_case names, empty fields omitted, NaN and infinities as the strings <c>"NaN"</c>,
/// <c>"Infinity"</c>, <c>"-Infinity"</c>, int64 read from numbers or strings. The default encoder escapes
/// every non-ASCII character, so the size of a body is known before it is written (<see cref="Recording.LogBatchBuilder"/>).
/// </summary>
internal static class MlflowJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals | JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>Reads a response; an empty body reads as <c>{}</c> (every field is optional).</summary>
    public static T Deserialize<T>(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(string.IsNullOrWhiteSpace(json) ? "{}" : json, Options)
                ?? throw new Stores.TrackingException($"the server answered 'null' where MLflow sends a {typeof(T).Name}");
        }
        catch (JsonException e)
        {
            throw new Stores.TrackingException($"the server's answer is not MLflow's JSON ({e.Message})", e);
        }
    }
}
