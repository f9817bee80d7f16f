using System.Text.Json;
using Descent.Engine.Targets;
using Descent.Engine.Trials;

namespace Descent.Sweeps.Workers;

/// <summary>
/// A <see cref="TrialSpec"/> on the worker protocol. The worker resolves it against its own load of the same
/// plugins (as the coordinator did), so the trial it runs is the trial the coordinator planned; drawn values
/// keep their type and bits.
/// </summary>
internal static class TrialSpecWire
{
    /// <summary>Writes <paramref name="spec"/> as the object <paramref name="name"/>.</summary>
    public static void Write(Utf8JsonWriter json, string name, TrialSpec spec)
    {
        json.WriteStartObject(name);
        json.WriteString("optimizer", spec.Optimizer);
        Texts(json, "hyperparameters", spec.Hyperparameters);
        json.WriteStartObject("sampled");
        foreach (var (key, value) in spec.SampledHyperparameters)
        {
            json.WriteStartObject(key);
            switch (value)
            {
                case double d:
                    WireDoubles.Write(json, "double", d);
                    break;
                case long l:
                    json.WriteNumber("long", l);
                    break;
                case int i:
                    json.WriteNumber("int", i);
                    break;
                case string s:
                    json.WriteString("string", s);
                    break;
                case bool b:
                    json.WriteBoolean("bool", b);
                    break;
                default:
                    throw new NotSupportedException($"drawn hyperparameter '{key}' has type {value.GetType().Name}, which the worker protocol does not carry; use --in-process");
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteString("objective", spec.Objective);
        Texts(json, "objective_args", spec.ObjectiveArgs);
        json.WriteString("dataset", spec.Dataset);
        Texts(json, "dataset_args", spec.DatasetArgs);
        json.WriteString("schedule", spec.Schedule);
        Texts(json, "schedule_args", spec.ScheduleArgs);
        json.WriteStartObject("training");
        Number(json, "steps", spec.Training.Steps);
        Number(json, "epochs", spec.Training.Epochs);
        Number(json, "batch_size", spec.Training.BatchSize);
        Number(json, "record_every", spec.Training.RecordEvery);
        Number(json, "eval_every", spec.Training.EvalEvery);
        Number(json, "eval_batch_size", spec.Training.EvalBatchSize);
        json.WriteBoolean("autograd", spec.Training.Autograd);
        json.WriteEndObject();
        json.WriteNumber("seed", spec.Seed);
        json.WriteString("dtype", spec.DType);
        json.WriteString("device", spec.Device);
        if (spec.Target is { } target)
        {
            json.WriteStartObject("target");
            json.WriteString("metric", target.Metric);
            WireDoubles.Write(json, "value", target.Value);
            json.WriteString("mode", TrialTarget.ModeName(target.Mode));
            json.WriteBoolean("stop", target.Stop);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>Reads a spec written by <see cref="Write"/>.</summary>
    public static TrialSpec Read(JsonElement json)
    {
        var sampled = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var entry in json.GetProperty("sampled").EnumerateObject())
        {
            var typed = entry.Value.EnumerateObject().Single();
            sampled[entry.Name] = typed.Name switch
            {
                "double" => BitConverter.Int64BitsToDouble(typed.Value.GetInt64()),
                "long" => typed.Value.GetInt64(),
                "int" => typed.Value.GetInt32(),
                "string" => typed.Value.GetString()!,
                "bool" => typed.Value.GetBoolean(),
                _ => throw new FormatException($"unknown drawn value type '{typed.Name}' for '{entry.Name}'"),
            };
        }

        var training = json.GetProperty("training");
        return new TrialSpec
        {
            Optimizer = json.GetProperty("optimizer").GetString()!,
            Hyperparameters = Texts(json.GetProperty("hyperparameters")),
            SampledHyperparameters = sampled,
            Objective = json.GetProperty("objective").GetString()!,
            ObjectiveArgs = Texts(json.GetProperty("objective_args")),
            Dataset = json.GetProperty("dataset").GetString(),
            DatasetArgs = Texts(json.GetProperty("dataset_args")),
            Schedule = json.GetProperty("schedule").GetString(),
            ScheduleArgs = Texts(json.GetProperty("schedule_args")),
            Training = new TrainingSettings(
                Number(training, "steps"), Number(training, "epochs"), Number(training, "batch_size"), Number(training, "record_every"),
                training.GetProperty("autograd").GetBoolean())
            {
                EvalEvery = training.TryGetProperty("eval_every", out _) ? Number(training, "eval_every") : null,
                EvalBatchSize = training.TryGetProperty("eval_batch_size", out _) ? Number(training, "eval_batch_size") : null,
            },
            Seed = json.GetProperty("seed").GetInt64(),
            DType = json.GetProperty("dtype").GetString()!,
            Device = json.GetProperty("device").GetString()!,
            Target = json.TryGetProperty("target", out var target) ? ReadTarget(target) : null,
        };
    }

    private static TrialTarget ReadTarget(JsonElement json) => new(
        json.GetProperty("metric").GetString()!,
        WireDoubles.Read(json, "value"),
        TrialTarget.ParseMode(json.GetProperty("mode").GetString()) ?? throw new FormatException($"unknown target mode '{json.GetProperty("mode").GetString()}'"),
        json.GetProperty("stop").GetBoolean());

    private static void Texts(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> values)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in values)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    private static Dictionary<string, string> Texts(JsonElement json) =>
        json.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

    private static void Number(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static int? Number(JsonElement json, string name) =>
        json.GetProperty(name) is { ValueKind: JsonValueKind.Number } v ? v.GetInt32() : null;
}
