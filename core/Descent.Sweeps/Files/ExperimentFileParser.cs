using System.Globalization;
using Descent.Engine.Options;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Descent.Sweeps.Files;

/// <summary>
/// Reads an experiment file (YAML) into an <see cref="ExperimentFile"/>, checking its shape: known keys,
/// the right kinds of values, required sections. Every problem is collected with its line and column and
/// travels with the file (<see cref="ExperimentFile.Problems"/>); plugin ids and hyperparameter values are
/// checked against the loaded plugins by <see cref="Expansion.SweepExpander"/>, which reports both together.
/// </summary>
public sealed partial class ExperimentFileParser
{
    private static readonly string[] TopKeys = ["name", "description", "objective", "objectives", "dataset", "schedule", "training", "seeds", "search", "optimizers", "timeout", "target"];
    private static readonly string[] ComponentKeys = ["id", "args"];
    private static readonly string[] TrainingKeys = ["steps", "epochs", "batch_size", "record_every", "autograd", "dtype", "device", "eval_every", "eval_batch_size"];
    private static readonly string[] SearchKeys = ["mode", "samples", "seed"];
    private static readonly string[] EntryKeys = ["id", "label", "hyperparameters", "objective", "dataset", "schedule", "training", "timeout", "target"];
    private static readonly string[] Distributions = ["uniform", "int_uniform", "loguniform", "choice"];

    private readonly List<ExperimentError> errors = [];
    private readonly string file;

    private ExperimentFileParser(string file) => this.file = file;

    /// <summary>Reads and parses <paramref name="path"/>.</summary>
    /// <exception cref="ExperimentFileException">The file is missing, not YAML, or not a mapping.</exception>
    public static ExperimentFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ExperimentFileException([new ExperimentError(new SourceLocation(path, 0, 0), "no such experiment file")]);
        }

        return Parse(path, File.ReadAllText(path));
    }

    /// <summary>Parses <paramref name="text"/>, naming it <paramref name="path"/> in messages; other problems travel with the file.</summary>
    /// <exception cref="ExperimentFileException">The text is not YAML, or not a mapping: nothing else can be read.</exception>
    public static ExperimentFile Parse(string path, string text)
    {
        var parser = new ExperimentFileParser(path);
        var result = parser.ParseDocument(text);
        var problems = parser.errors.OrderBy(e => e.Location.Line).ThenBy(e => e.Location.Column).ToArray();
        if (result is null)
        {
            throw new ExperimentFileException(problems);
        }

        return result with { Problems = problems };
    }

    private ExperimentFile? ParseDocument(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e) when (e.Message.Contains("tab", StringComparison.Ordinal) && IndentingTab(text, e.Start.Line) is { } tab)
        {
            // YamlDotNet places a tab in the indentation at the start of the mapping it breaks; the tab's own line is more use.
            Error(tab, "not valid YAML: a tab in the indentation; indent with spaces");
            return null;
        }
        catch (YamlException e)
        {
            Error(e.Start, $"not valid YAML: {e.InnerException?.Message ?? e.Message}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new ExperimentError(new SourceLocation(file, 1, 1), "an experiment file is a YAML mapping with at least 'name', 'objective' and 'optimizers'"));
            return null;
        }

        var map = Mapping(root, "experiment", TopKeys);
        string? name = RequiredText(root, map, "name");
        string description = map.TryGetValue("description", out var d) ? Text(d, "description") ?? "" : "";
        var objectives = Objectives(root, map);
        var dataset = map.TryGetValue("dataset", out var ds) ? Component(ds, "dataset", requireId: true) : null;
        var schedule = map.TryGetValue("schedule", out var sc) ? Component(sc, "schedule", requireId: true, sweepable: true) : null;
        var training = map.TryGetValue("training", out var t) ? Training(t) : new TrainingSection(null, null, null, null, null, null, null, Location(root));
        var seeds = map.TryGetValue("seeds", out var s) ? Seeds(s) : [0L];
        var search = map.TryGetValue("search", out var se) ? Search(se) : new SearchSection(SearchMode.Grid, 0, 0, Location(root));
        var optimizers = map.TryGetValue("optimizers", out var op) ? Entries(op) : MissingList(root);
        var timeout = map.TryGetValue("timeout", out var to) ? Timeout(to) : null;
        var target = map.TryGetValue("target", out var tg) ? Target(tg) : null;

        // Whatever could be read goes on, so that the plugins check it too; the problems so far travel with it.
        return new ExperimentFile(file, text, name ?? "", description, objectives ?? [], dataset, training, seeds, search, optimizers) { Schedule = schedule, Timeout = timeout, Target = target };
    }

    /// <summary>The first tab in the indentation of a line, from line <paramref name="fromLine"/> (1-based) on.</summary>
    private SourceLocation? IndentingTab(string text, long fromLine)
    {
        string[] lines = text.Split('\n');
        for (int i = (int)Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            int indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            int tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                return new SourceLocation(file, i + 1, tab + 1);
            }
        }

        return null;
    }

    private List<ComponentSection>? Objectives(YamlNode root, Dictionary<string, YamlNode> map)
    {
        bool one = map.TryGetValue("objective", out var single);
        bool many = map.TryGetValue("objectives", out var list);
        if (one && many)
        {
            Error(list!, "give either 'objective' (one) or 'objectives' (a list), not both");
            return null;
        }

        if (one)
        {
            return Component(single!, "objective", requireId: true) is { } objective ? [objective] : null;
        }

        if (many)
        {
            if (list is not YamlSequenceNode sequence || sequence.Children.Count == 0)
            {
                Error(list!, "'objectives' must be a non-empty list of objectives like '{ id: rosenbrock }'");
                return null;
            }

            var sections = sequence.Children.Select(c => Component(c, "objective", requireId: true)).ToList();
            return sections.Any(s => s is null) ? null : sections.Select(s => s!).ToList();
        }

        Missing(root, "objective", "the objective every trial minimizes, e.g. 'objective: { id: quadratic2d }' (or 'objectives:' with a list)");
        return null;
    }

    private ComponentSection? Missing(YamlNode root, string key, string what)
    {
        Error(root, $"missing '{key}': {what}");
        return null;
    }

    private List<OptimizerEntry> MissingList(YamlNode root)
    {
        Error(root, "missing 'optimizers': a list of optimizers, e.g. 'optimizers: [{ id: sgd, hyperparameters: { lr: [0.1, 0.01] } }]'");
        return [];
    }

    /// <summary>A plugin section; <paramref name="sweepable"/> (schedules) reads each arg as a hyperparameter is read: a value, a list or a distribution.</summary>
    private ComponentSection? Component(YamlNode node, string what, bool requireId, bool sweepable = false)
    {
        if (node is YamlScalarNode scalar)
        {
            return new ComponentSection(scalar.Value, new Dictionary<string, string>(), Location(node));
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"'{what}' must be a plugin id or a mapping with 'id' and 'args'");
            return null;
        }

        var map = Mapping(mapping, what, ComponentKeys);
        string? id = map.TryGetValue("id", out var idNode) ? Text(idNode, $"{what}.id") : null;
        if (requireId && id is null && !map.ContainsKey("id"))
        {
            Error(node, $"'{what}' needs an 'id' (a plugin id; see: descent plugins)");
        }

        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        var swept = new Dictionary<string, ValueSpace>(StringComparer.Ordinal);
        if (map.TryGetValue("args", out var argsNode))
        {
            if (argsNode is YamlMappingNode argsMap)
            {
                foreach (var (key, value) in argsMap.Children)
                {
                    string argName = ((YamlScalarNode)key).Value ?? "";
                    if (sweepable && value is not YamlScalarNode)
                    {
                        if (Space(value, argName) is { } space)
                        {
                            swept[argName] = space;
                        }

                        continue;
                    }

                    string? literal = Literal(value, $"{what}.args.{argName}");
                    if (literal is not null)
                    {
                        args[argName] = literal;
                    }
                }
            }
            else
            {
                Error(argsNode, $"'{what}.args' must be a mapping of option names to values");
            }
        }

        return new ComponentSection(id, args, Location(node)) { Swept = swept };
    }

    private TrainingSection Training(YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, "'training' must be a mapping (steps or epochs, batch_size, record_every, dtype, device, autograd)");
            return new TrainingSection(null, null, null, null, null, null, null, Location(node)) { Rejected = TrainingKeys.ToHashSet() };
        }

        var rejected = new HashSet<string>(StringComparer.Ordinal);
        var map = Mapping(mapping, "training", TrainingKeys, rejected);

        // A setting whose reading reports a problem is rejected: the trial checks then do not call it missing.
        T Read<T>(string key, Func<T> read)
        {
            int before = errors.Count;
            T value = read();
            if (errors.Count > before)
            {
                rejected.Add(key);
            }

            return value;
        }

        return new TrainingSection(
            Read("steps", () => PositiveInt(map, "steps")),
            Read("epochs", () => PositiveInt(map, "epochs")),
            Read("batch_size", () => PositiveInt(map, "batch_size")),
            Read("record_every", () => PositiveInt(map, "record_every")),
            Read("autograd", () => map.TryGetValue("autograd", out var a) ? Bool(a, "training.autograd") : null),
            Read("dtype", () => Choice(map, "dtype", "training.dtype", ["float32", "float64"])),
            Read("device", () => map.TryGetValue("device", out var dev) ? Text(dev, "training.device") : null),
            Location(node))
        {
            Rejected = rejected,
            EvalEvery = Read("eval_every", () => PositiveInt(map, "eval_every")),
            EvalBatchSize = Read("eval_batch_size", () => PositiveInt(map, "eval_batch_size")),
        };
    }

    private List<long> Seeds(YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            if (int.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int count) && count is >= 1 and <= 100_000)
            {
                return Enumerable.Range(0, count).Select(i => (long)i).ToList();
            }

            Error(node, $"'seeds' = '{scalar.Value}': give a count (1 to 100000; seeds 0, 1, ...) or a list of non-negative integers");
            return [0L]; // a stand-in, so that the trials are still checked against the plugins
        }

        if (node is YamlSequenceNode sequence && sequence.Children.Count > 0)
        {
            var seeds = new List<long>();
            foreach (var item in sequence.Children)
            {
                if (item is YamlScalarNode s && long.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long seed) && seed >= 0)
                {
                    if (seeds.Contains(seed))
                    {
                        Error(item, $"seed {seed} is listed twice");
                    }

                    seeds.Add(seed);
                }
                else
                {
                    Error(item, $"seed '{(item as YamlScalarNode)?.Value}' is not a non-negative integer");
                }
            }

            return seeds.Count > 0 ? seeds : [0L];
        }

        Error(node, "'seeds' must be a count or a non-empty list of non-negative integers");
        return [0L];
    }

    private SearchSection Search(YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, "'search' must be a mapping with 'mode' (grid, random or quasirandom), and for random and quasirandom 'samples' and 'seed'");
            return new SearchSection(SearchMode.Grid, 0, 0, Location(node));
        }

        var map = Mapping(mapping, "search", SearchKeys);
        string? chosen = Choice(map, "mode", "search.mode", ["grid", "random", "quasirandom"]);
        string mode = chosen ?? "grid";
        int samples = PositiveInt(map, "samples") ?? 0;
        long seed = 0;
        if (map.TryGetValue("seed", out var seedNode) &&
            !(seedNode is YamlScalarNode s && long.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed) && seed >= 0))
        {
            Error(seedNode, $"'search.seed' = '{(seedNode as YamlScalarNode)?.Value}' is not a non-negative integer");
        }

        if ((mode is "random" or "quasirandom") && samples == 0 && !map.ContainsKey("samples"))
        {
            Error(node, $"{mode} search needs 'samples': how many configurations to draw per optimizer entry");
        }

        // A mode that is not valid was reported; its 'samples' are not a second problem.
        if (mode == "grid" && map.ContainsKey("samples") && (chosen is not null || !map.ContainsKey("mode")))
        {
            Error(map["samples"], "'samples' applies to random and quasirandom search only; remove it or set 'mode: random' or 'mode: quasirandom'");
        }

        var searchMode = mode switch
        {
            "random" => SearchMode.Random,
            "quasirandom" => SearchMode.Quasirandom,
            _ => SearchMode.Grid,
        };
        return new SearchSection(searchMode, samples, seed, Location(node));
    }

    private List<OptimizerEntry> Entries(YamlNode node)
    {
        var entries = new List<OptimizerEntry>();
        if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            Error(node, "'optimizers' must be a non-empty list of entries like '{ id: sgd, hyperparameters: { lr: 0.1 } }'");
            return entries;
        }

        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode mapping)
            {
                Error(item, "an optimizer entry must be a mapping with 'id' and 'hyperparameters'");
                continue;
            }

            int errorsBefore = errors.Count;
            var map = Mapping(mapping, "optimizer entry", EntryKeys);
            string? id = RequiredText(mapping, map, "id");
            string? label = map.TryGetValue("label", out var l) ? Text(l, "label") : null;
            var hyperparameters = new Dictionary<string, ValueSpace>(StringComparer.Ordinal);
            if (map.TryGetValue("hyperparameters", out var hp))
            {
                if (hp is YamlMappingNode hpMap)
                {
                    foreach (var (key, value) in hpMap.Children)
                    {
                        string hpName = ((YamlScalarNode)key).Value ?? "";
                        var space = Space(value, hpName);
                        if (space is not null)
                        {
                            hyperparameters[hpName] = space;
                        }
                    }
                }
                else
                {
                    Error(hp, "'hyperparameters' must be a mapping of names to a value, a list, or a distribution");
                }
            }

            var objective = map.TryGetValue("objective", out var o) ? Component(o, "objective", requireId: false) : null;
            var dataset = map.TryGetValue("dataset", out var d) ? Component(d, "dataset", requireId: false) : null;
            var schedule = map.TryGetValue("schedule", out var sc) ? Component(sc, "schedule", requireId: false, sweepable: true) : null;
            var training = map.TryGetValue("training", out var t) ? Training(t) : null;
            var timeout = map.TryGetValue("timeout", out var to) ? Timeout(to) : null;
            var target = map.TryGetValue("target", out var tg) ? Target(tg) : null;
            if (id is not null)
            {
                entries.Add(new OptimizerEntry(id, label, hyperparameters, objective, dataset, training, Location(item))
                {
                    Incomplete = errors.Count > errorsBefore,
                    Schedule = schedule,
                    Timeout = timeout,
                    Target = target,
                });
            }
        }

        return entries;
    }
}
