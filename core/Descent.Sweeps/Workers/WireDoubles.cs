using System.Runtime.InteropServices;
using System.Text.Json;

namespace Descent.Sweeps.Workers;

/// <summary>
/// Doubles on the worker protocol, bit for bit: a single value as the integer of its IEEE-754 bits, a list as
/// base64 of its little-endian bytes (NaN payloads and signed zeros survive; text formatting is never involved).
/// </summary>
internal static class WireDoubles
{
    /// <summary>Writes one value as its bits.</summary>
    public static void Write(Utf8JsonWriter json, string name, double value) => json.WriteNumber(name, BitConverter.DoubleToInt64Bits(value));

    /// <summary>Reads one value written by <see cref="Write(Utf8JsonWriter, string, double)"/>.</summary>
    public static double Read(JsonElement element, string name) => BitConverter.Int64BitsToDouble(element.GetProperty(name).GetInt64());

    /// <summary>Writes a list as base64 of its bytes, or null.</summary>
    public static void Write(Utf8JsonWriter json, string name, IReadOnlyList<double>? values)
    {
        if (values is null)
        {
            json.WriteNull(name);
            return;
        }

        double[] array = values as double[] ?? values.ToArray();
        json.WriteBase64String(name, MemoryMarshal.AsBytes(array.AsSpan()));
    }

    /// <summary>Reads a list written by <see cref="Write(Utf8JsonWriter, string, IReadOnlyList{double}?)"/>; null stays null.</summary>
    public static double[]? ReadList(JsonElement element, string name)
    {
        var value = element.GetProperty(name);
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        byte[] bytes = value.GetBytesFromBase64();
        return MemoryMarshal.Cast<byte, double>(bytes).ToArray();
    }
}
