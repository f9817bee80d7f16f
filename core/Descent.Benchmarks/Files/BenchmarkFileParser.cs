using System.Globalization;
using Descent.Sweeps.Files;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Descent.Benchmarks.Files;

/// <summary>
/// Reads a benchmark file (YAML). Its workloads' <c>objective</c>, <c>dataset</c> and <c>training</c> and its
/// <c>optimizers</c> list are read exactly as an experiment file's, with the same messages; every problem is
/// collected with its line and column and travels with the file, so that the plugins' checks are reported with them.
/// </summary>
public static class BenchmarkFileParser
{
    private static readonly string[] TopKeys = ["name", "description", "seed", "workloads", "optimizers", "protocol"];
    private static readonly string[] WorkloadKeys = ["name", "objective", "dataset", "training", "target", "test_metric", "time_budget"];
    private static readonly string[] TargetKeys = ["metric", "goal", "value"];
    private static readonly string[] ProtocolKeys = ["search", "trials", "studies", "rerun_seeds", "baseline"];

    /// <summary>Reads and parses <paramref name="path"/>.</summary>
    /// <exception cref="ExperimentFileException">The file is missing, not YAML, or not a mapping.</exception>
    public static BenchmarkFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ExperimentFileException([new ExperimentError(new SourceLocation(path, 0, 0), "no such benchmark file")]);
        }

        return Parse(path, File.ReadAllText(path));
    }

    /// <summary>True when <paramref name="path"/> is a YAML mapping with <c>workloads</c>: a benchmark file, not an experiment file.</summary>
    public static bool IsBenchmark(string path)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(path)));
            return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root && root.Children.ContainsKey(new YamlScalarNode("workloads"));
        }
        catch (Exception e) when (e is YamlException or IOException or UnauthorizedAccessException)
        {
            return false; // the experiment file reader says what is wrong with it
        }
    }

    /// <summary>Parses <paramref name="text"/>, naming it <paramref name="path"/> in messages.</summary>
    /// <exception cref="ExperimentFileException">The text is not YAML, or not a mapping: nothing else can be read.</exception>
    public static BenchmarkFile Parse(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ExperimentFileException([new ExperimentError(new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column), $"not valid YAML: {e.InnerException?.Message ?? e.Message}")]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ExperimentFileException([new ExperimentError(new SourceLocation(path, 1, 1), "a benchmark file is a YAML mapping with 'name', 'workloads', 'optimizers' and 'protocol'")]);
        }

        var reader = ExperimentFileParser.ForSections(path);
        var map = reader.ReadMapping(root, "benchmark", TopKeys);
        string name = reader.ReadRequiredText(root, map, "name") ?? "";
        string description = map.TryGetValue("description", out var d) ? reader.ReadText(d, "description") ?? "" : "";
        long seed = map.TryGetValue("seed", out var s) ? NonNegative(reader, s, "seed") : 0;
        var workloads = map.TryGetValue("workloads", out var w) ? Workloads(reader, w) : Missing<Workload>(reader, root, "workloads", "the test problems, e.g. 'workloads: [{ name: airfoil, objective: linear-regression, dataset: airfoil, training: { epochs: 2, batch_size: 10 }, target: { metric: loss, goal: minimize, value: 0.25 } }]'");
        var optimizers = map.TryGetValue("optimizers", out var o) ? Optimizers(reader, o) : Missing<OptimizerEntry>(reader, root, "optimizers", "optimizers with search spaces, e.g. 'optimizers: [{ id: adam, hyperparameters: { lr: { loguniform: [1e-4, 1e-1] } } }]'");
        var protocol = map.TryGetValue("protocol", out var p) ? Protocol(reader, p) : DefaultProtocol(reader, root);
        CheckBaseline(reader, p, protocol, optimizers);
        var problems = reader.Problems.OrderBy(e => e.Location.Line).ThenBy(e => e.Location.Column).ToArray();
        return new BenchmarkFile(path, text, name, description, seed, workloads, optimizers, protocol) { Problems = problems };
    }

    private static List<T> Missing<T>(ExperimentFileParser reader, YamlNode root, string key, string what)
    {
        reader.Report(root, $"missing '{key}': {what}");
        return [];
    }

    private static List<Workload> Workloads(ExperimentFileParser reader, YamlNode node)
    {
        var workloads = new List<Workload>();
        if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            reader.Report(node, "'workloads' must be a non-empty list of workloads, each with 'name', 'objective', 'training' and 'target'");
            return workloads;
        }

        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode mapping)
            {
                reader.Report(item, "a workload must be a mapping with 'name', 'objective', 'training' and 'target'");
                continue;
            }

            var map = reader.ReadMapping(mapping, "workload", WorkloadKeys);
            string? name = reader.ReadRequiredText(mapping, map, "name");
            var objective = map.TryGetValue("objective", out var o) ? reader.ReadComponent(o, "objective") : null;
            if (!map.ContainsKey("objective"))
            {
                reader.Report(mapping, $"workload '{name}' is missing 'objective': the objective plugin it trains, e.g. 'objective: mlp-classifier'");
            }

            var dataset = map.TryGetValue("dataset", out var ds) ? reader.ReadComponent(ds, "dataset") : null;
            var training = map.TryGetValue("training", out var t) ? reader.ReadTraining(t) : null;
            if (training is null)
            {
                reader.Report(mapping, $"workload '{name}' is missing 'training': its step budget, e.g. 'training: {{ epochs: 2, batch_size: 128 }}'");
            }

            var target = map.TryGetValue("target", out var tg) ? Target(reader, tg, name) : null;
            if (!map.ContainsKey("target"))
            {
                reader.Report(mapping, $"workload '{name}' is missing 'target': the validation metric that selects configurations and the value that counts as solved, e.g. 'target: {{ metric: valid/accuracy, goal: maximize, value: 0.85 }}'");
            }

            string? testMetric = map.TryGetValue("test_metric", out var tm) ? reader.ReadText(tm, "test_metric") : null;
            double? budget = map.TryGetValue("time_budget", out var tb) ? Duration(reader, tb, "time_budget") : null;
            if (name is not null && workloads.Any(x => x.Name == name))
            {
                reader.Report(mapping, $"workload name '{name}' is used twice; give each workload its own name");
            }

            if (name is not null && objective is not null && training is not null && target is not null)
            {
                workloads.Add(new Workload(name, objective, dataset, training, target, testMetric, budget, reader.At(mapping)));
            }
        }

        return workloads;
    }

    private static MetricTarget? Target(ExperimentFileParser reader, YamlNode node, string? workload)
    {
        if (node is not YamlMappingNode mapping)
        {
            reader.Report(node, "'target' must be a mapping with 'metric', 'goal' (minimize or maximize) and 'value'");
            return null;
        }

        var map = reader.ReadMapping(mapping, "target", TargetKeys);
        string? metric = reader.ReadRequiredText(mapping, map, "metric");
        string? goal = reader.ReadChoice(map, "goal", "target.goal", ["minimize", "maximize"]);
        if (!map.ContainsKey("goal"))
        {
            reader.Report(mapping, "missing 'goal': minimize (a loss) or maximize (an accuracy)");
        }

        double? value = null;
        if (!map.TryGetValue("value", out var v))
        {
            reader.Report(mapping, "missing 'value': the metric's value that counts as solving the workload");
        }
        else if (v is YamlScalarNode scalar && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && double.IsFinite(parsed))
        {
            value = parsed;
        }
        else
        {
            reader.Report(v, $"'target.value' = '{(v as YamlScalarNode)?.Value}' is not a finite number");
        }

        if (metric is not null && metric.StartsWith("test/", StringComparison.Ordinal))
        {
            reader.Report(map["metric"], $"workload '{workload}': the target metric '{metric}' is a test metric; configurations are selected on validation data, never on test data (use e.g. 'valid/{metric["test/".Length..]}', and name the test metric in 'test_metric')");
            return null;
        }

        return metric is null || goal is null || value is null ? null : new MetricTarget(metric, goal == "maximize", value.Value);
    }

    private static List<OptimizerEntry> Optimizers(ExperimentFileParser reader, YamlNode node)
    {
        var entries = reader.ReadEntries(node);
        foreach (var entry in entries)
        {
            if (entry.Objective is not null || entry.Dataset is not null || entry.Training is not null)
            {
                reader.Report(entry.Location, $"optimizer '{entry.Label ?? entry.Id}': a benchmark trains every optimizer on the workload's own objective, dataset and training settings; remove its 'objective', 'dataset' or 'training' (tune its hyperparameters or schedule instead)");
            }
        }

        foreach (var repeated in entries.GroupBy(e => e.Label ?? e.Id).Where(g => g.Count() > 1))
        {
            reader.Report(repeated.ElementAt(1).Location, $"optimizer '{repeated.Key}' is listed twice; give the entries different 'label's");
        }

        return entries;
    }

    private static TuningProtocol Protocol(ExperimentFileParser reader, YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            reader.Report(node, "'protocol' must be a mapping with 'search', 'trials', 'studies' and 'rerun_seeds'");
            return new TuningProtocol(BenchmarkSearch.Quasirandom, 1, 1, []);
        }

        var map = reader.ReadMapping(mapping, "protocol", ProtocolKeys);
        string search = reader.ReadChoice(map, "search", "protocol.search", ["quasirandom", "random"]) ?? "quasirandom";
        int trials = reader.ReadPositiveInt(map, "trials") ?? 1;
        if (!map.ContainsKey("trials"))
        {
            reader.Report(mapping, "missing 'trials': the tuning budget, configurations tried per study (AlgoPerf uses 5 and 20 ... Schmidt et al. 1 to 50)");
        }

        int studies = reader.ReadPositiveInt(map, "studies") ?? 1;
        var reruns = map.TryGetValue("rerun_seeds", out var r) ? reader.ReadSeeds(r) : [];
        string? baseline = map.TryGetValue("baseline", out var b) ? reader.ReadText(b, "protocol.baseline") : null;
        return new TuningProtocol(search == "random" ? BenchmarkSearch.Random : BenchmarkSearch.Quasirandom, trials, studies, reruns) { Baseline = baseline };
    }

    private static void CheckBaseline(ExperimentFileParser reader, YamlNode? protocol, TuningProtocol read, IReadOnlyList<OptimizerEntry> optimizers)
    {
        var names = optimizers.Select(o => o.Label ?? o.Id).ToArray();
        if (read.Baseline is { } baseline && names.Length > 0 && !names.Contains(baseline, StringComparer.Ordinal)
            && protocol is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode("baseline"), out var node))
        {
            reader.Report(node, $"protocol.baseline '{baseline}' is not one of the optimizers ({string.Join(", ", names)}); name one by its label, or by its id when it has none");
        }
    }

    private static TuningProtocol DefaultProtocol(ExperimentFileParser reader, YamlNode root)
    {
        reader.Report(root, "missing 'protocol': how optimizers are tuned, e.g. 'protocol: { search: quasirandom, trials: 20, studies: 3, rerun_seeds: 3 }'");
        return new TuningProtocol(BenchmarkSearch.Quasirandom, 1, 1, []);
    }

    private static long NonNegative(ExperimentFileParser reader, YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar && long.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) && value >= 0)
        {
            return value;
        }

        reader.Report(node, $"'{what}' = '{(node as YamlScalarNode)?.Value}' is not a non-negative integer");
        return 0;
    }

    /// <summary>Seconds from <c>90</c>, <c>90s</c>, <c>5m</c> or <c>1h</c>.</summary>
    private static double? Duration(ExperimentFileParser reader, YamlNode node, string what)
    {
        string text = (node as YamlScalarNode)?.Value?.Trim() ?? "";
        double scale = text.EndsWith('h') ? 3600 : text.EndsWith('m') ? 60 : 1;
        string number = text.Length > 0 && char.IsLetter(text[^1]) && text[^1] is 'h' or 'm' or 's' ? text[..^1] : text;
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && double.IsFinite(value))
        {
            return value * scale;
        }

        reader.Report(node, $"'{what}' = '{text}' is not a duration; give seconds or a number with s, m or h (e.g. 90s, 5m, 1h)");
        return null;
    }
}
