using System.Text.Json;
using Descent.Engine.Targets;
using Descent.Engine.Trials;
using Descent.Sweeps.Workers;

namespace Descent.Tests.Targets;

/// <summary>The worker protocol carries a trial's target to the worker and its time to target back, bit for bit.</summary>
public sealed class TargetWireTests
{
    [Test]
    public void A_spec_s_target_comes_back_and_a_spec_without_one_writes_none()
    {
        var spec = new TrialSpec { Optimizer = "adam", Objective = "mlp-classifier", Dataset = "fashion-mnist", Target = new TrialTarget("test/loss", 1.0 / 3.0, TargetMode.Min, Stop: true) };

        var back = TrialSpecWire.Read(RoundTrip(json => TrialSpecWire.Write(json, "spec", spec)).GetProperty("spec"));
        var none = RoundTrip(json => TrialSpecWire.Write(json, "spec", spec with { Target = null })).GetProperty("spec");

        Assert.That(back.Target, Is.EqualTo(spec.Target));
        Assert.That(BitConverter.DoubleToInt64Bits(back.Target!.Value), Is.EqualTo(BitConverter.DoubleToInt64Bits(1.0 / 3.0)));
        Assert.That(none.TryGetProperty("target", out _), Is.False);
        Assert.That(TrialSpecWire.Read(none).Target, Is.Null);
    }

    [Test]
    public void A_result_s_time_to_target_and_stop_come_back()
    {
        var result = new TrialResult(TrialStatus.Finished, 0.5, [], [], [], 12, 1536, [], 1.0, null)
        {
            TimeToTarget = new TimeToTarget(12, 1536, 0.1 + 0.2),
            StoppedAtTarget = true,
        };

        var back = TrialResultWire.Read(RoundTrip(json => TrialResultWire.Write(json, "result", result)).GetProperty("result"), []);

        Assert.That(back.TimeToTarget, Is.EqualTo(result.TimeToTarget));
        Assert.That(back.StoppedAtTarget, Is.True);
    }

    private static JsonElement RoundTrip(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }
}
