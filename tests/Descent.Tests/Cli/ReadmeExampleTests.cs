using System.Text.RegularExpressions;
using Descent.Tests.Support;

namespace Descent.Tests.Cli;

/// <summary>
/// The README's plugin example is the code of the SignSgd test plugin, which the build compiles and the
/// discovery tests load from a separate directory: so the example really builds and really loads.
/// </summary>
public sealed partial class ReadmeExampleTests
{
    [Test]
    public void The_readme_plugin_code_is_the_signsgd_test_plugin()
    {
        string readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        string source = File.ReadAllText(Path.Combine(Repository.Root, "tests", "plugins", "Descent.TestPlugins.SignSgd", "SignSgd.cs"));

        var block = CSharpAfterHeading().Match(readme);

        Assert.That(block.Success, Is.True, "README has no csharp block after `SignSgd/SignSgd.cs`:");
        Assert.That(block.Groups["code"].Value.ReplaceLineEndings("\n").Trim(), Is.EqualTo(source.ReplaceLineEndings("\n").Trim()));
    }

    [Test]
    public void The_readme_example_runs_with_the_test_plugin()
    {
        using var folders = new PluginFolders();
        folders.AddTestPlugin("Descent.TestPlugins.SignSgd");

        var run = CliRun.Of("trial", "--plugins", folders.Root, "--optimizer", "signsgd", "--hp", "lr=0.1", "--objective", "quadratic2d", "--steps", "30", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        var final = json.RootElement.GetProperty("final_params").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        // From (-5, -2) each step moves every coordinate by 0.1 towards 0 (float32): x1 reaches -2 after 30 steps;
        // x2 reaches 0 after 20 steps and then oscillates between 0 and +-0.1 (sign(0) = 0 keeps it at 0).
        Assert.That(final[0], Is.EqualTo(-2.0).Within(1e-5));
        Assert.That(Math.Abs(final[1]), Is.LessThanOrEqualTo(0.1 + 1e-5));
    }

    [GeneratedRegex("`SignSgd/SignSgd.cs`:\\s*```csharp\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpAfterHeading();
}
