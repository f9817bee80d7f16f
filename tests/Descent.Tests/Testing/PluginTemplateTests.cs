using System.Diagnostics;
using System.IO.Compression;
using Descent.Contracts;
using Descent.Tests.Support;

namespace Descent.Tests.Testing;

/// <summary>
/// The plugin authors' kit as an author meets it: the three packages packed into a folder feed, the
/// template installed from it, <c>dotnet new descent-optimizer -n Lion</c>, then <c>dotnet test</c> of the
/// generated projects (the conformance kit over the new plugin) offline against that feed, and
/// <c>descent verify</c> on the built plugin. Packages already in the user's NuGet cache (TorchSharp,
/// NUnit) are read from it as a fallback folder; Descent's own packages only ever come from the feed.
/// </summary>
[NonParallelizable]
public sealed class PluginTemplateTests
{
    private static readonly Lazy<Kit> Packed = new(Kit.Pack);

    [OneTimeTearDown]
    public void DeleteKit()
    {
        if (Packed.IsValueCreated)
        {
            Packed.Value.Dispose();
        }
    }

    [Test]
    public void The_contracts_package_holds_the_contract_assembly_and_its_docs_only()
    {
        string package = Path.Combine(Packed.Value.Feed, $"Descent.Contracts.{ContractInfo.Version}.0.nupkg");
        Assert.That(File.Exists(package), Is.True, $"the contracts package carries the contract version {ContractInfo.Version}");
        using var zip = ZipFile.OpenRead(package);
        var payload = zip.Entries.Select(e => e.FullName).Where(n => n.StartsWith("lib/", StringComparison.Ordinal)).Order().ToArray();
        Assert.That(payload, Is.EqualTo(new[] { "lib/net10.0/Descent.Contracts.dll", "lib/net10.0/Descent.Contracts.xml" }));
        Assert.That(zip.Entries.Select(e => e.FullName), Has.None.Contains("torch").IgnoreCase.And.None.EndsWith(".so"));
    }

    [Test]
    public void The_template_references_the_packages_of_this_contract_version()
    {
        string template = Path.Combine(Repository.Root, "templates", "content", "descent-optimizer");
        string plugin = File.ReadAllText(Path.Combine(template, "DescentOptimizer1", "DescentOptimizer1.csproj"));
        string tests = File.ReadAllText(Path.Combine(template, "DescentOptimizer1.Tests", "DescentOptimizer1.Tests.csproj"));
        Assert.That(plugin, Does.Contain($"Include=\"Descent.Contracts\" Version=\"{ContractInfo.Version}.0\""));
        Assert.That(tests, Does.Contain($"Include=\"Descent.Testing\" Version=\"{ContractInfo.Version}.0\""));
    }

    [Test]
    public void A_new_optimizer_from_the_template_builds_passes_the_kit_and_carries_only_its_own_dll()
    {
        var kit = Packed.Value;
        string work = Path.Combine(kit.Root, "authors");
        Directory.CreateDirectory(work);
        kit.WriteNugetConfig(work);
        Run(work, "dotnet", "new", "install", Path.Combine(kit.Feed, "Descent.Templates.1.1.0.nupkg"), "--debug:custom-hive", kit.Hive);
        Run(work, "dotnet", "new", "descent-optimizer", "-n", "Lion", "--debug:custom-hive", kit.Hive);

        string test = Run(Path.Combine(work, "Lion"), "dotnet", "test");

        Assert.That(test, Does.Contain("Passed!  - Failed:     0, Passed:    17"));
        string output = Path.Combine(work, "Lion", "Lion", "bin", "Debug", "net10.0");
        Assert.That(Directory.GetFiles(output).Select(Path.GetFileName).Order(),
            Is.EqualTo(new[] { "Lion.deps.json", "Lion.dll", "Lion.pdb", "Lion.runtimeconfig.json", "Lion.xml" }));

        var verify = CliRun.Of("verify", Path.Combine(output, "Lion.dll"));
        Assert.That(verify.ExitCode, Is.EqualTo(0), verify.Out + verify.Error);
        Assert.That(verify.Out, Does.Contain("lion: 17 passed, 0 warnings, 0 failed"));
    }

    private static string Run(string directory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NUGET_PACKAGES"] = null;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(5)), Is.True, $"{file} {string.Join(' ', arguments)} did not finish in 5 minutes");
        Assert.That(process.ExitCode, Is.EqualTo(0), $"{file} {string.Join(' ', arguments)} in {directory}:\n{output}\n{error.Result}");
        return output;
    }

    /// <summary>A temporary folder feed with the three packages, packed from this checkout's Debug build.</summary>
    private sealed class Kit : IDisposable
    {
        private Kit(string root) => Root = root;

        public string Root { get; }

        public string Feed => Path.Combine(Root, "feed");

        public string Hive => Path.Combine(Root, "hive");

        public static Kit Pack()
        {
            var kit = new Kit(Directory.CreateTempSubdirectory("descent-kit-").FullName);
            // Built by the solution's build already: packing finds them up to date and collects the files.
            foreach (string project in new[] { "core/Descent.Contracts/Descent.Contracts.csproj", "core/Descent.Testing/Descent.Testing.csproj", "templates/Descent.Templates.csproj" })
            {
                Run(Repository.Root, "dotnet", "pack", Path.Combine(Repository.Root, project), "-c", "Debug", "-o", kit.Feed);
            }

            return kit;
        }

        /// <summary>Descent's packages from the feed only; everything else from the user's NuGet cache, read in place.</summary>
        public void WriteNugetConfig(string directory)
        {
            string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
                ? set
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config><add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" /></config>
                  <packageSources><clear /><add key="descent" value="{Feed}" /></packageSources>
                  <fallbackPackageFolders><clear /><add key="cache" value="{cache}" /></fallbackPackageFolders>
                </configuration>
                """);
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
