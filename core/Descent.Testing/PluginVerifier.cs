using Descent.Contracts;
using Descent.Engine.Plugins;
using Descent.Testing.Checks;

namespace Descent.Testing;

/// <summary>
/// Runs the conformance checks for a plugin's kind: on a plugin DLL or folder loaded through the host's own
/// loader (<see cref="VerifyPath"/>, what <c>descent verify</c> does), or on a plugin instance in a test
/// project (<see cref="Verify(IPlugin, VerifierSettings?, DataLocations?)"/>, what the template's test does).
/// </summary>
public static class PluginVerifier
{
    /// <summary>Loads every plugin under <paramref name="path"/> as the host does and verifies each.</summary>
    public static VerificationReport VerifyPath(string path, VerifierSettings? settings = null, DataLocations? data = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var catalog = PluginCatalog.Load([path]);
        var plugins = catalog.Plugins.Select(p => Verify(p.Instance, p.AssemblyPath, settings, data)).ToArray();
        var failures = catalog.Failures.Select(f => $"{f.Path}: {f.Reason}").ToArray();
        return new VerificationReport(path, plugins, failures);
    }

    /// <summary>Verifies <paramref name="plugin"/> in this process.</summary>
    public static PluginVerification Verify(IPlugin plugin, VerifierSettings? settings = null, DataLocations? data = null) =>
        Verify(plugin, plugin?.GetType().FullName ?? "", settings, data);

    private static PluginVerification Verify(IPlugin plugin, string source, VerifierSettings? settings, DataLocations? data)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        settings ??= VerifierSettings.Default;
        var results = new List<CheckResult> { ManifestChecks.Run(plugin) };
        var schema = HyperparameterChecks.Schema(plugin, results);
        if (schema is not null && results.All(r => r.Outcome != CheckOutcome.Fail))
        {
            results.AddRange(HyperparameterChecks.Run(plugin, schema));
            results.AddRange(plugin.Manifest.Kind switch
            {
                PluginKind.Optimizer => OptimizerChecks.Run(new OptimizerHarness(plugin, schema, settings.Optimizers), settings),
                PluginKind.Schedule => ScheduleChecks.Run(plugin, schema),
                PluginKind.Objective => ObjectiveChecks.Run(plugin, schema),
                PluginKind.Dataset => DatasetChecks.Run(plugin, schema, data ?? DataLocations.None),
                _ => [CheckResult.Warned("kind", $"no checks for kind {plugin.Manifest.Kind} yet", "verify it in a trial")],
            });
        }

        return new PluginVerification(plugin.Manifest.Id, plugin.Manifest.Kind, source, results);
    }
}
