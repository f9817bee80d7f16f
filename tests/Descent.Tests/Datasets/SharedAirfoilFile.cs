using Descent.Contracts;
using Descent.Engine.Data;

namespace Descent.Tests.Datasets;

/// <summary>
/// The real airfoil file, never copied into the repository: in <c>DESCENT_DATA_DIR</c> when that holds it,
/// else in <c>../shared/data</c> next to the repository root. Tests that need it are ignored, with the
/// reason, when it is in neither place.
/// </summary>
public static class SharedAirfoilFile
{
    /// <summary>The file's name.</summary>
    public const string FileName = "airfoil_self_noise.dat";

    /// <summary>The directory holding the file, or null when it is nowhere.</summary>
    public static string? Directory { get; } = Find();

    /// <summary>The directory holding the file; ignores the calling test when there is none.</summary>
    public static string RequireDirectory()
    {
        if (Directory is null)
        {
            Assert.Ignore($"the airfoil data file is not available: put {FileName} into the folder DESCENT_DATA_DIR names, or into ../shared/data next to the repository");
        }

        return Directory!;
    }

    /// <summary>The file's path; ignores the calling test when it is absent.</summary>
    public static string RequirePath() => Path.Combine(RequireDirectory(), FileName);

    /// <summary>Read-only locations that hold the real file: no cache, no downloads.</summary>
    public static DataLocations RequireLocations() => new([RequireDirectory()], null, false);

    /// <summary>
    /// The file's rows parsed independently of the plugin (split on any whitespace, <see cref="double.Parse(string, IFormatProvider)"/>).
    /// </summary>
    public static double[][] RequireRows() =>
        File.ReadAllLines(RequirePath())
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(c => double.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            .ToArray();

    private static string? Find()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(DataLocationsResolver.DirectoryVariable);
        string? root = DefaultDataDirectory.FindRepositoryRoot(AppContext.BaseDirectory);
        string?[] candidates =
        [
            string.IsNullOrWhiteSpace(fromEnvironment) ? null : Path.GetFullPath(fromEnvironment),
            root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "data")),
        ];
        return candidates.FirstOrDefault(d => d is not null && File.Exists(Path.Combine(d, FileName)));
    }
}
