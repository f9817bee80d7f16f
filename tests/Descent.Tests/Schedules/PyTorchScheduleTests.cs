using System.Globalization;
using System.Text.Json;
using Descent.Tests.Support;

namespace Descent.Tests.Schedules;

/// <summary>
/// Every bundled schedule's learning rates over 1,000 steps equal those of PyTorch's own scheduler, for at
/// least two settings each. Reference: tests/fixtures/schedules/lr-sequences.json, written by
/// tests/fixtures/schedules/lr_schedules.py with torch 1.13.1 (the lr in the param group before each
/// optimizer step, scheduler.step() after it).
/// Tolerance 1e-12 absolute on rates of at most 1: PyTorch steps most schedulers in their chainable form
/// (lr *= factor each step) and Descent evaluates the closed form PyTorch documents, so the two differ by
/// accumulated rounding, a few hundred ulp after 1,000 steps (one-cycle repeats PyTorch's own arithmetic).
/// </summary>
public sealed class PyTorchScheduleTests
{
    private const double Tolerance = 1e-12;

    public static IEnumerable<TestCaseData> Cases()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "tests", "fixtures", "schedules", "lr-sequences.json")));
        foreach (var item in json.RootElement.GetProperty("cases").EnumerateArray())
        {
            string id = item.GetProperty("schedule").GetString()!;
            var args = item.GetProperty("args").EnumerateObject().ToDictionary(p => p.Name, p => Text(p.Value));
            double lr = item.GetProperty("lr").GetDouble();
            double[] expected = item.GetProperty("sequence").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            string shown = string.Join(" ", args.Select(a => $"{a.Key}={a.Value}"));
            yield return new TestCaseData(id, args, lr, expected).SetArgDisplayNames(id, shown.Length == 0 ? "defaults" : shown);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void The_rates_equal_PyTorchs_scheduler_over_1000_steps(string id, Dictionary<string, string> args, double lr, double[] expected)
    {
        var schedule = Schedules.Create(id, args);
        var actual = Enumerable.Range(0, expected.Length).Select(t => schedule.LearningRate(lr, t)).ToArray();

        Assert.That(expected, Has.Length.EqualTo(1000));
        for (int t = 0; t < expected.Length; t++)
        {
            Assert.That(actual[t], Is.EqualTo(expected[t]).Within(Tolerance), $"{id}: step {t}");
        }
    }

    [Test]
    public void Every_bundled_schedule_is_compared_with_two_settings_at_least()
    {
        var counts = Cases().GroupBy(c => (string)c.Arguments[0]!).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(Schedules.Ids(), Is.EquivalentTo(new[] { "constant", "cosine", "exponential", "linear", "multistep", "one-cycle", "step", "warmup-cosine", "warmup-linear" }));
        Assert.That(Schedules.Ids().Select(id => counts.GetValueOrDefault(id)), Has.All.GreaterThanOrEqualTo(2));
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => string.Join(",", value.EnumerateArray().Select(Text)),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.String => value.GetString()!,
        _ => value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
    };
}
