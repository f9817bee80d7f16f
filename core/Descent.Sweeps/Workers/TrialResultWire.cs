using System.Text.Json;
using Descent.Contracts;
using Descent.Engine.Targets;
using Descent.Engine.Trials;

namespace Descent.Sweeps.Workers;

/// <summary>
/// A <see cref="TrialResult"/> on the worker protocol, without its history: the history went ahead point by
/// point (<see cref="WorkerMessages.Point"/>), and the coordinator puts the points it received back in; so do
/// the evaluations (<see cref="WorkerMessages.Evaluation"/>).
/// </summary>
internal static class TrialResultWire
{
    /// <summary>Writes <paramref name="result"/> (history left out) as the object <paramref name="name"/>.</summary>
    public static void Write(Utf8JsonWriter json, string name, TrialResult result)
    {
        json.WriteStartObject(name);
        json.WriteString("status", result.Status.ToString());
        WireDoubles.Write(json, "final_loss", result.FinalLoss);
        WireDoubles.Write(json, "final_params", result.FinalParams);
        json.WriteString("final_params_sha256", result.FinalParamsSha256);
        WriteNames(json, "names", result.ParameterNames);
        json.WriteNumber("points", result.History.Count);
        json.WriteNumber("steps", result.Steps);
        json.WriteNumber("samples", result.Samples);
        WireDoubles.Write(json, "epoch_seconds", result.EpochSeconds);
        WireDoubles.Write(json, "wall_seconds", result.WallSeconds);
        WireDoubles.Write(json, "evaluation_seconds", result.EvaluationSeconds);
        json.WriteString("error", result.Error);
        json.WriteBoolean("stopped_at_target", result.StoppedAtTarget);
        if (result.TimeToTarget is { } reached)
        {
            json.WriteStartObject("time_to_target");
            json.WriteNumber("steps", reached.Steps);
            json.WriteNumber("samples", reached.Samples);
            WireDoubles.Write(json, "seconds", reached.Seconds);
            json.WriteEndObject();
        }

        if (result.Dataset is { } d)
        {
            json.WriteStartObject("dataset");
            json.WriteString("name", d.Name);
            json.WriteNumber("rows", d.Rows);
            json.WriteStartArray("features");
            foreach (string feature in d.FeatureNames)
            {
                json.WriteStringValue(feature);
            }

            json.WriteEndArray();
            json.WriteString("label", d.LabelName);
            json.WriteString("source", d.Source);
            json.WriteString("sha256", d.Sha256);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>Reads a result written by <see cref="Write"/>, with <paramref name="history"/> as its history.</summary>
    /// <exception cref="InvalidDataException">The worker recorded more or fewer points than it sent.</exception>
    public static TrialResult Read(JsonElement json, IReadOnlyList<HistoryPoint> history)
    {
        int points = json.GetProperty("points").GetInt32();
        if (points != history.Count)
        {
            throw new InvalidDataException($"the worker's result has {points} history points but {history.Count} arrived");
        }

        DatasetInfo? dataset = null;
        if (json.TryGetProperty("dataset", out var d))
        {
            dataset = new DatasetInfo(
                d.GetProperty("name").GetString()!,
                d.GetProperty("rows").GetInt32(),
                d.GetProperty("features").EnumerateArray().Select(f => f.GetString()!).ToArray(),
                d.GetProperty("label").GetString()!,
                d.GetProperty("source").GetString(),
                d.GetProperty("sha256").GetString());
        }

        return new TrialResult(
            Enum.Parse<TrialStatus>(json.GetProperty("status").GetString()!),
            WireDoubles.Read(json, "final_loss"),
            WireDoubles.ReadList(json, "final_params") ?? [],
            ReadNames(json, "names"),
            history.ToArray(),
            json.GetProperty("steps").GetInt64(),
            json.GetProperty("samples").GetInt64(),
            WireDoubles.ReadList(json, "epoch_seconds") ?? [],
            WireDoubles.Read(json, "wall_seconds"),
            json.GetProperty("error").GetString())
        {
            Dataset = dataset,
            FinalParamsSha256 = json.TryGetProperty("final_params_sha256", out var hash) ? hash.GetString() : null,
            EvaluationSeconds = WireDoubles.Read(json, "evaluation_seconds"),
            StoppedAtTarget = json.TryGetProperty("stopped_at_target", out var stopped) && stopped.GetBoolean(),
            TimeToTarget = json.TryGetProperty("time_to_target", out var t)
                ? new TimeToTarget(t.GetProperty("steps").GetInt64(), t.GetProperty("samples").GetInt64(), WireDoubles.Read(t, "seconds"))
                : null,
        };
    }

    /// <summary>Writes parameter names and element counts as an array of <c>[name, elements]</c>.</summary>
    public static void WriteNames(Utf8JsonWriter json, string name, IReadOnlyList<(string Name, long Elements)> names)
    {
        json.WriteStartArray(name);
        foreach (var (parameter, elements) in names)
        {
            json.WriteStartArray();
            json.WriteStringValue(parameter);
            json.WriteNumberValue(elements);
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    /// <summary>Reads what <see cref="WriteNames"/> wrote.</summary>
    public static (string Name, long Elements)[] ReadNames(JsonElement json, string name) =>
        json.GetProperty(name).EnumerateArray().Select(p => (p[0].GetString()!, p[1].GetInt64())).ToArray();
}
