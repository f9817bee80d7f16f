using System.Globalization;
using System.Text.Json;
using Descent.Tests.Support;

namespace Descent.Tests.Optimizers;

/// <summary>
/// The reference run of torch.optim.LBFGS on rosenbrock from (-1.5, 2) in float64 (tests/fixtures/lbfgs/trace.json,
/// written by tests/fixtures/lbfgs/make_trace.py with Debian's torch 1.13): per case its options and, after each
/// <c>optimizer.step(closure)</c>, the parameters, the loss there and the number of closure calls.
/// </summary>
public sealed record LbfgsTrace(string Name, IReadOnlyDictionary<string, string> Options, IReadOnlyList<LbfgsTrace.Step> Steps)
{
    /// <summary>The state after one <c>step(closure)</c>.</summary>
    public sealed record Step(double[] Params, double Loss, int ClosureCalls);

    /// <summary>Every case of the trace, in the file's order.</summary>
    public static IReadOnlyList<LbfgsTrace> All { get; } = Load();

    /// <summary>The case called <paramref name="name"/>.</summary>
    public static LbfgsTrace Named(string name) => All.Single(c => c.Name == name);

    /// <inheritdoc />
    public override string ToString() => Name;

    private static LbfgsTrace[] Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "tests", "fixtures", "lbfgs", "trace.json")));
        return json.RootElement.GetProperty("cases").EnumerateArray().Select(c => new LbfgsTrace(
            c.GetProperty("name").GetString()!,
            c.GetProperty("options").EnumerateObject().ToDictionary(o => o.Name, o => Text(o.Value)),
            c.GetProperty("steps").EnumerateArray().Select(s => new Step(
                s.GetProperty("params").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
                s.GetProperty("loss").GetDouble(),
                s.GetProperty("closure_calls").GetInt32())).ToArray())).ToArray();
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? value.GetString()!
        : value.GetDouble().ToString("R", CultureInfo.InvariantCulture);
}
