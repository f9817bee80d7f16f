using System.Text.Json;
using Descent.Contracts;
using Descent.Engine.Trials;
using Descent.Sweeps.Workers;

namespace Descent.Tests.Workers;

/// <summary>The worker protocol writes and reads with one definition: what goes in comes out, bit for bit.</summary>
public sealed class WorkerProtocolTests
{
    private static readonly double[] Awkward =
    [
        0.1, -0.0, double.Epsilon, double.MaxValue, double.PositiveInfinity, double.NegativeInfinity,
        BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8_0000_0000_0001)), // a NaN with a payload and the sign bit
        1.0 / 3.0,
    ];

    [Test]
    public void A_spec_comes_back_with_its_drawn_values_typed_and_bitwise()
    {
        var spec = new TrialSpec
        {
            Optimizer = "adam",
            Hyperparameters = new Dictionary<string, string> { ["betas"] = "0.9,0.999", ["lr"] = "0.1" },
            SampledHyperparameters = new Dictionary<string, object> { ["lr"] = 1.0 / 3.0, ["steps_per_cycle"] = 7L },
            Objective = "rosenbrock",
            ObjectiveArgs = new Dictionary<string, string> { ["start"] = "-1.5,2" },
            Dataset = null,
            Schedule = "warmup-cosine",
            ScheduleArgs = new Dictionary<string, string> { ["warmup_steps"] = "10" },
            Training = new TrainingSettings(Steps: 200, RecordEvery: 5, Autograd: true),
            Seed = 42,
            DType = "float64",
            Device = "cpu",
        };

        var back = TrialSpecWire.Read(RoundTrip(json => TrialSpecWire.Write(json, "spec", spec)).GetProperty("spec"));

        Assert.That(back.Optimizer, Is.EqualTo("adam"));
        Assert.That(back.Hyperparameters, Is.EquivalentTo(spec.Hyperparameters));
        Assert.That(BitConverter.DoubleToInt64Bits((double)back.SampledHyperparameters["lr"]), Is.EqualTo(BitConverter.DoubleToInt64Bits(1.0 / 3.0)));
        Assert.That(back.SampledHyperparameters["steps_per_cycle"], Is.EqualTo(7L).And.TypeOf<long>());
        Assert.That(back.ObjectiveArgs, Is.EquivalentTo(spec.ObjectiveArgs));
        Assert.That((back.Schedule, back.ScheduleArgs), Is.EqualTo((spec.Schedule, spec.ScheduleArgs)).Using<(string?, IReadOnlyDictionary<string, string>)>((a, b) => a.Item1 == b.Item1 && a.Item2.OrderBy(p => p.Key).SequenceEqual(b.Item2.OrderBy(p => p.Key))));
        Assert.That((back.Dataset, back.Training, back.Seed, back.DType, back.Device), Is.EqualTo((spec.Dataset, spec.Training, spec.Seed, spec.DType, spec.Device)));
    }

    [Test]
    public void A_result_and_its_points_come_back_bitwise_including_nan_payloads_and_signed_zeros()
    {
        var history = new[] { new HistoryPoint(0, 0, 0, Awkward[6], Awkward), new HistoryPoint(3, 30, 0.02, -0.0, null) { LearningRate = 1.0 / 3.0 } };
        var result = new TrialResult(TrialStatus.Diverged, Awkward[6], Awkward, [("w", 5), ("b", 1)], history, 3, 30, [0.25, 1e-9], 0.5, "loss became NaN")
        {
            Dataset = new DatasetInfo("airfoil self-noise", 1503, ["f", "alpha"], "sound", "/data/airfoil.dat", "ab12"),
            FinalParamsSha256 = ParameterValues.Sha256(Awkward),
        };

        var points = history.Select(p => WorkerMessages.ReadPoint(RoundTrip(json => WorkerMessages.WritePoint(json, p)))).ToArray();
        var back = TrialResultWire.Read(RoundTrip(json => TrialResultWire.Write(json, "result", result)).GetProperty("result"), points);

        Assert.That(Bits(back.FinalParams), Is.EqualTo(Bits(Awkward)));
        Assert.That(back.FinalParamsSha256, Is.EqualTo(result.FinalParamsSha256));
        Assert.That(Bits([back.FinalLoss, back.WallSeconds, .. back.EpochSeconds]), Is.EqualTo(Bits([result.FinalLoss, 0.5, 0.25, 1e-9])));
        Assert.That(Bits(back.History[0].Params!), Is.EqualTo(Bits(Awkward)));
        Assert.That((back.History[0].LearningRate, back.History[1].LearningRate), Is.EqualTo(((double?)null, (double?)(1.0 / 3.0))), "a scheduled point's rate travels with it");
        Assert.That(Bits([back.History[0].Loss, back.History[1].Loss, back.History[1].Epoch]), Is.EqualTo(Bits([Awkward[6], -0.0, 0.02])));
        Assert.That(back.History[1].Params, Is.Null);
        Assert.That((back.Status, back.Steps, back.Samples, back.Error), Is.EqualTo((TrialStatus.Diverged, 3L, 30L, "loss became NaN")));
        Assert.That(back.ParameterNames, Is.EqualTo(result.ParameterNames));
        Assert.That(back.Dataset, Is.EqualTo(result.Dataset).Using<DatasetInfo>((a, b) =>
            a.Name == b.Name && a.Rows == b.Rows && a.FeatureNames.SequenceEqual(b.FeatureNames) && a.LabelName == b.LabelName && a.Source == b.Source && a.Sha256 == b.Sha256));
    }

    [Test]
    public void An_evaluation_comes_back_bitwise_with_its_training_clock()
    {
        var evaluations = Awkward.Select((v, i) => new Evaluation(i, 100L * i, v, "valid", -v, i % 2 == 0 ? null : v) { TrainSeconds = v }).ToArray();

        var back = evaluations.Select(e => WorkerMessages.ReadEvaluation(RoundTrip(json => WorkerMessages.WriteEvaluation(json, e)))).ToArray();

        Assert.That(Bits(back.Select(e => e.TrainSeconds)), Is.EqualTo(Bits(Awkward)), "equality leaves the clock out, so its bits are compared here");
        Assert.That(Bits(back.Select(e => e.Epoch)), Is.EqualTo(Bits(Awkward)));
        Assert.That(Bits(back.Select(e => e.Loss)), Is.EqualTo(Bits(evaluations.Select(e => e.Loss))));
        Assert.That(back.Select(e => e.Accuracy.HasValue ? BitConverter.DoubleToInt64Bits(e.Accuracy.Value) : (long?)null),
            Is.EqualTo(evaluations.Select(e => e.Accuracy.HasValue ? BitConverter.DoubleToInt64Bits(e.Accuracy.Value) : (long?)null)));
        Assert.That(back.Select(e => (e.Step, e.Samples, e.Split)), Is.EqualTo(evaluations.Select(e => (e.Step, e.Samples, e.Split))));
    }

    [Test]
    public void A_result_whose_points_went_missing_on_the_way_is_refused()
    {
        var result = new TrialResult(TrialStatus.Finished, 1, [1], [("x", 1)], [new HistoryPoint(0, 0, 0, 1, null)], 0, 0, [], 0, null);

        Assert.That(() => TrialResultWire.Read(RoundTrip(json => TrialResultWire.Write(json, "result", result)).GetProperty("result"), []),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("1 history points but 0 arrived"));
    }

    private static JsonElement RoundTrip(Action<Utf8JsonWriter> body)
    {
        byte[] line = WorkerMessages.Line("test", body);
        Assert.That(line[^1], Is.EqualTo((byte)'\n'));
        Assert.That(line[..^1], Does.Not.Contain((byte)'\n'), "one message is one line");
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    private static long[] Bits(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
