using System.Text.Json;
using Descent.Tracking;
using Descent.Tracking.Model;
using Descent.Tracking.Recording;

namespace Descent.Tests.Tracking;

/// <summary>Batches stay within every limit of MLflow's log-batch, measured on the JSON the client sends.</summary>
public sealed class LogBatchBuilderTests
{
    [Test]
    public void Counts_are_capped_at_1000_metrics_100_params_100_tags_and_1000_items()
    {
        var batches = LogBatchBuilder.Split(
            Enumerable.Range(0, 250).Select(i => new Param($"p{i}", "v")),
            Enumerable.Range(0, 150).Select(i => new RunTag($"t{i}", "v")),
            Enumerable.Range(0, 2500).Select(i => new Metric("m", i, 0, i))).ToArray();

        Assert.That(batches, Has.All.Matches<LogBatch>(b => b.Metrics.Count <= 1000 && b.Params.Count <= 100 && b.Tags.Count <= 100 && b.Count <= 1000));
        Assert.That(batches.Sum(b => b.Params.Count), Is.EqualTo(250));
        Assert.That(batches.Sum(b => b.Tags.Count), Is.EqualTo(150));
        Assert.That(batches.SelectMany(b => b.Metrics).Select(m => m.Step), Is.EqualTo(Enumerable.Range(0, 2500).Select(i => (long)i)), "metrics keep their order");
    }

    [Test]
    public void The_body_stays_under_a_megabyte_even_with_long_values_and_escaped_characters()
    {
        var batches = LogBatchBuilder.Split(
            Enumerable.Range(0, 100).Select(i => new Param($"p{i}", new string('é', MlflowLimits.ParamValueLength))),
            Enumerable.Range(0, 100).Select(i => new RunTag($"t{i}", new string('"', MlflowLimits.TagValueLength))),
            []).ToArray();

        foreach (var batch in batches)
        {
            int bytes = JsonSerializer.SerializeToUtf8Bytes(new
            {
                run_id = new string('a', 32),
                metrics = batch.Metrics,
                @params = batch.Params.Select(p => new { key = p.Key, value = p.Value }),
                tags = batch.Tags.Select(t => new { key = t.Key, value = t.Value }),
            }).Length;
            Assert.That(bytes, Is.LessThan(1_000_000));
        }

        Assert.That(batches.Length, Is.GreaterThan(2), "6000 escaped characters (6 bytes each) per param cannot all fit in one");
    }

    [Test]
    public void A_tag_set_twice_in_one_batch_keeps_its_last_value_once()
    {
        var builder = new LogBatchBuilder();
        builder.TryAdd(new RunTag("status", "running"));
        builder.TryAdd(new RunTag("status", "finished"));

        Assert.That(builder.Build().Tags, Is.EqualTo(new[] { new RunTag("status", "finished") }));
    }

    [TestCase("loss", true)]
    [TestCase("trajectory/x_0", true)]
    [TestCase("with space", true)]
    [TestCase("/leading", false)]
    [TestCase("trailing/", false)]
    [TestCase("a//b", false)]
    [TestCase("a/../b", false)]
    [TestCase("x[0]", false)]
    [TestCase("a:b", false)]
    public void Keys_follow_MLflows_rules(string key, bool valid)
    {
        Assert.That(MlflowKeys.IsValid(key), Is.EqualTo(valid));
        Assert.That(MlflowKeys.IsValid(MlflowKeys.Sanitize(key)), Is.True);
    }
}
