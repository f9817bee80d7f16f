using Descent.Contracts;
using Descent.Engine.Data;

namespace Descent.Tests.Datasets;

/// <summary>
/// The real airfoil file: in <c>DESCENT_DATA_DIR</c> when that holds it, else the repository's test fixture
/// (<c>tests/fixtures/airfoil</c>, with its licence and checksum). A test that needs it fails, saying where it
/// looked, when it is in neither place: it never skips silently.
/// </summary>
public static class SharedAirfoilFile
{
    /// <summary>The file's name.</summary>
    public const string FileName = "airfoil_self_noise.dat";

    /// <summary>The fixture's folder in the repository.</summary>
    public static string FixtureDirectory { get; } = Path.Combine(DefaultDataDirectory.FindRepositoryRoot(AppContext.BaseDirectory) ?? ".", "tests", "fixtures", "airfoil");

    /// <summary>The directory holding the file, or null when it is nowhere.</summary>
    public static string? Directory { get; } = Find();

    /// <summary>The directory holding the file; fails the calling test when there is none.</summary>
    public static string RequireDirectory()
    {
        if (Directory is null)
        {
            Assert.Fail($"the airfoil data file is missing: it should be in {FixtureDirectory} (part of the repository), or in the folder DESCENT_DATA_DIR names");
        }

        return Directory!;
    }

    /// <summary>The file's path; fails the calling test when it is absent.</summary>
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
        string?[] candidates =
        [
            string.IsNullOrWhiteSpace(fromEnvironment) ? null : Path.GetFullPath(fromEnvironment),
            FixtureDirectory,
        ];
        return candidates.FirstOrDefault(d => d is not null && File.Exists(Path.Combine(d, FileName)));
    }
}
