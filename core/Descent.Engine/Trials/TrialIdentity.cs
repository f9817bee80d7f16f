using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Descent.Engine.Options;

namespace Descent.Engine.Trials;

/// <summary>
/// What makes two trials the same trial: the optimizer, objective, dataset and schedule (id, version and the
/// SHA-256 of each plugin assembly), every resolved option value, the training settings, the seed and
/// the dtype. <see cref="Hash"/> is the SHA-256 of <see cref="CanonicalJson"/> (compact, UTF-8), lower-case
/// hex; tracking tags every run with it (<c>descent.trial_hash</c>) and sweeps use it to recognise a trial
/// that already ran.
/// </summary>
/// <remarks>
/// Canonical form: fixed member order, options sorted by name (ordinal) with the values as
/// <see cref="ValueFormat"/> writes them, absent settings as <c>null</c>. The device is left out on
/// purpose: it says where a trial ran, not which trial it is. A target (<see cref="Targets.TrialTarget"/>) joins only
/// when it stops the trial (<c>"target": {metric, value, mode}</c> after the training settings), since only then does
/// it change what is trained; a target that only measures leaves the identity of the trial without it, bit for bit.
/// </remarks>
public static class TrialIdentity
{
    /// <summary>Lower-case hex SHA-256 of the trial's canonical configuration (64 characters).</summary>
    public static string Hash(ResolvedTrial trial)
    {
        byte[] digest = SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson(trial)));
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>The trial's configuration as canonical JSON; <paramref name="indented"/> for people (the hash uses the compact form).</summary>
    public static string CanonicalJson(ResolvedTrial trial, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(trial);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            Component(json, "optimizer", trial.Optimizer);
            Component(json, "objective", trial.Objective);
            Component(json, "dataset", trial.Dataset);
            if (trial.Schedule is not null)
            {
                // Written only when there is one: a trial without a schedule keeps the hash it had before schedules existed.
                Component(json, "schedule", trial.Schedule);
            }

            json.WriteStartObject("training");
            Number(json, "steps", trial.Training.Steps);
            Number(json, "epochs", trial.Training.Epochs);
            Number(json, "batch_size", trial.Training.BatchSize);
            Number(json, "record_every", trial.Training.RecordEvery);
            if (trial.Training.EvalEvery is not null)
            {
                Number(json, "eval_every", trial.Training.EvalEvery);
            }

            if (trial.Training.EvalBatchSize is not null)
            {
                Number(json, "eval_batch_size", trial.Training.EvalBatchSize);
            }
            if (trial.UsesData)
            {
                // How the gradient is computed changes the numbers (at rounding level): autograd and the closed form are two trials.
                json.WriteBoolean("autograd", trial.Training.Autograd);
            }

            json.WriteEndObject();
            if (trial.Target is { Stop: true } target)
            {
                // Only a target that stops the trial changes what is trained; one that only measures leaves the identity as it was.
                json.WriteStartObject("target");
                json.WriteString("metric", target.Metric);
                json.WriteString("value", ValueFormat.Number(target.Value));
                json.WriteString("mode", Targets.TrialTarget.ModeName(target.Mode));
                json.WriteEndObject();
            }

            json.WriteNumber("seed", trial.Seed);
            json.WriteString("dtype", trial.DTypeName);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Component(Utf8JsonWriter json, string role, ResolvedComponent? component)
    {
        if (component is null)
        {
            json.WriteNull(role);
            return;
        }

        json.WriteStartObject(role);
        json.WriteString("id", component.Id);
        json.WriteString("version", component.Plugin.Version);
        json.WriteString("sha256", component.Plugin.AssemblySha256);
        json.WriteStartObject("options");
        foreach (var (name, value) in component.Options.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

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
}
