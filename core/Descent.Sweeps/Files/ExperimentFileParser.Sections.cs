using YamlDotNet.RepresentationModel;

namespace Descent.Sweeps.Files;

/// <summary>
/// The sections an experiment file shares with other files that describe trials (benchmark files): read the
/// same way, with the same messages, each problem at its line in the file being read.
/// </summary>
public sealed partial class ExperimentFileParser
{
    /// <summary>A reader of sections of <paramref name="path"/> (named in its problems).</summary>
    internal static ExperimentFileParser ForSections(string path) => new(path);

    /// <summary>What reading found wrong so far, in the order found.</summary>
    internal IReadOnlyList<ExperimentError> Problems => errors;

    /// <summary>A mapping's keys, unknown ones reported.</summary>
    internal Dictionary<string, YamlNode> ReadMapping(YamlMappingNode node, string what, string[] allowed) => Mapping(node, what, allowed);

    /// <summary>A plugin section: an id, or a mapping with <c>id</c> and <c>args</c>.</summary>
    internal ComponentSection? ReadComponent(YamlNode node, string what) => Component(node, what, requireId: true);

    /// <summary>A <c>training</c> section.</summary>
    internal TrainingSection ReadTraining(YamlNode node) => Training(node);

    /// <summary>A list of optimizer entries, as an experiment file's <c>optimizers</c>.</summary>
    internal List<OptimizerEntry> ReadEntries(YamlNode node) => Entries(node);

    /// <summary>Seeds: a count or a list.</summary>
    internal List<long> ReadSeeds(YamlNode node) => Seeds(node);

    /// <summary>A required text value of a mapping.</summary>
    internal string? ReadRequiredText(YamlNode owner, Dictionary<string, YamlNode> map, string key) => RequiredText(owner, map, key);

    /// <summary>A non-empty text value.</summary>
    internal string? ReadText(YamlNode node, string what) => Text(node, what);

    /// <summary>A positive integer value of a mapping, or null when absent.</summary>
    internal int? ReadPositiveInt(Dictionary<string, YamlNode> map, string key) => PositiveInt(map, key);

    /// <summary>One of <paramref name="choices"/>, or null when absent.</summary>
    internal string? ReadChoice(Dictionary<string, YamlNode> map, string key, string what, string[] choices) => Choice(map, key, what, choices);

    /// <summary>Where a node is.</summary>
    internal SourceLocation At(YamlNode node) => Location(node);

    /// <summary>Records a problem at a node.</summary>
    internal void Report(YamlNode node, string message) => Error(node, message);

    /// <summary>Records a problem at a location.</summary>
    internal void Report(SourceLocation at, string message) => Error(at, message);
}
