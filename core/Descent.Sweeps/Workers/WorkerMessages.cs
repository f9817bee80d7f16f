using System.Buffers;
using System.Text.Json;
using Descent.Engine.Trials;

namespace Descent.Sweeps.Workers;

/// <summary>
/// The worker protocol: one JSON object per line, with its kind in <c>type</c>. The coordinator writes
/// <see cref="Run"/> and <see cref="Cancel"/> to the worker's standard input (closing it ends the worker);
/// the worker answers on its standard output with <see cref="Ready"/> once, then for each trial
/// <see cref="Started"/>, <see cref="Point"/> and <see cref="Epoch"/> as the trial runs (the calls of
/// <see cref="ITrialObserver"/>, in order) and <see cref="Completed"/> at the end. Doubles travel as their bits
/// (<see cref="WireDoubles"/>). Anything the worker or its plugins print goes to its standard error.
/// </summary>
internal static class WorkerMessages
{
    /// <summary>Coordinator to worker: run this trial (<c>spec</c>, and <c>identity</c> to check the resolved trial against).</summary>
    public const string Run = "run";

    /// <summary>Coordinator to worker: stop the running trial (it ends as killed).</summary>
    public const string Cancel = "cancel";

    /// <summary>Worker: plugins loaded, ready for trials.</summary>
    public const string Ready = "ready";

    /// <summary>Worker: the trial's plugins exist (<c>names</c>: the parameters and their element counts).</summary>
    public const string Started = "started";

    /// <summary>Worker: a history point was recorded.</summary>
    public const string Point = "point";

    /// <summary>Worker: an epoch ended (<c>epoch</c>, <c>seconds</c>).</summary>
    public const string Epoch = "epoch";

    /// <summary>Worker: a split was evaluated (<see cref="WriteEvaluation"/>).</summary>
    public const string Evaluation = "evaluation";

    /// <summary>Worker: the trial ended (<c>result</c>, see <see cref="TrialResultWire"/>).</summary>
    public const string Completed = "completed";

    /// <summary>One message as a line (UTF-8, newline-terminated), written by <paramref name="body"/> after its <c>type</c>.</summary>
    public static byte[] Line(string type, Action<Utf8JsonWriter>? body = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            body?.Invoke(json);
            json.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes a history point's fields.</summary>
    public static void WritePoint(Utf8JsonWriter json, HistoryPoint point)
    {
        json.WriteNumber("step", point.Step);
        json.WriteNumber("samples", point.Samples);
        WireDoubles.Write(json, "epoch", point.Epoch);
        WireDoubles.Write(json, "loss", point.Loss);
        WireDoubles.Write(json, "params", point.Params);
        if (point.LearningRate is { } rate)
        {
            WireDoubles.Write(json, "lr", rate);
        }
    }

    /// <summary>Writes an evaluation's fields, its training clock included (doubles bit-exact, as every double on the protocol).</summary>
    public static void WriteEvaluation(Utf8JsonWriter json, Evaluation evaluation)
    {
        json.WriteNumber("step", evaluation.Step);
        json.WriteNumber("samples", evaluation.Samples);
        WireDoubles.Write(json, "epoch", evaluation.Epoch);
        json.WriteString("split", evaluation.Split);
        WireDoubles.Write(json, "loss", evaluation.Loss);
        if (evaluation.Accuracy is { } accuracy)
        {
            WireDoubles.Write(json, "accuracy", accuracy);
        }

        WireDoubles.Write(json, "train_seconds", evaluation.TrainSeconds);
    }

    /// <summary>Reads what <see cref="WriteEvaluation"/> wrote.</summary>
    public static Evaluation ReadEvaluation(JsonElement json) => new(
        json.GetProperty("step").GetInt64(),
        json.GetProperty("samples").GetInt64(),
        WireDoubles.Read(json, "epoch"),
        json.GetProperty("split").GetString()!,
        WireDoubles.Read(json, "loss"),
        json.TryGetProperty("accuracy", out _) ? WireDoubles.Read(json, "accuracy") : null)
    {
        TrainSeconds = WireDoubles.Read(json, "train_seconds"),
    };

    /// <summary>Reads what <see cref="WritePoint"/> wrote.</summary>
    public static HistoryPoint ReadPoint(JsonElement json) => new(
        json.GetProperty("step").GetInt64(),
        json.GetProperty("samples").GetInt64(),
        WireDoubles.Read(json, "epoch"),
        WireDoubles.Read(json, "loss"),
        WireDoubles.ReadList(json, "params"))
    {
        LearningRate = json.TryGetProperty("lr", out _) ? WireDoubles.Read(json, "lr") : null,
    };
}
