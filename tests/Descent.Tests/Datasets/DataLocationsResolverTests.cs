using Descent.Engine.Data;

namespace Descent.Tests.Datasets;

/// <summary>
/// Where datasets look for files: --data-dir, then DESCENT_DATA_DIR, then the repository's data/ folder
/// (or the per-user cache outside a checkout); downloads go to the first writable of these, unless offline.
/// </summary>
public sealed class DataLocationsResolverTests
{
    private static readonly Func<string, bool> AllWritable = _ => true;

    [Test]
    public void Search_order_is_command_line_then_environment_then_default()
    {
        var data = DataLocationsResolver.Resolve(new DataLocationsSources("/d/cli", "/d/env", "/repo/data"), AllWritable);

        Assert.That(data.SearchDirectories, Is.EqualTo(new[] { "/d/cli", "/d/env", "/repo/data" }));
        Assert.That(data.CacheDirectory, Is.EqualTo("/d/cli"));
        Assert.That(data.AllowDownload, Is.True);
    }

    [Test]
    public void Missing_sources_are_left_out_and_repeats_kept_once()
    {
        var data = DataLocationsResolver.Resolve(new DataLocationsSources(null, "  ", "/repo/data"), AllWritable);
        Assert.That(data.SearchDirectories, Is.EqualTo(new[] { "/repo/data" }));

        var repeated = DataLocationsResolver.Resolve(new DataLocationsSources("/repo/data/", "/repo/data", "/repo/data"), AllWritable);
        Assert.That(repeated.SearchDirectories, Is.EqualTo(new[] { "/repo/data" }));
    }

    [Test]
    public void Relative_directories_become_absolute_against_the_working_directory()
    {
        var data = DataLocationsResolver.Resolve(new DataLocationsSources("mydata", null, "/repo/data"), AllWritable);

        Assert.That(data.SearchDirectories[0], Is.EqualTo(Path.Combine(Directory.GetCurrentDirectory(), "mydata")));
    }

    [Test]
    public void Downloads_go_to_the_first_writable_directory()
    {
        var data = DataLocationsResolver.Resolve(new DataLocationsSources("/shared/read-only", "/also/read-only", "/repo/data"), d => d == "/repo/data");

        Assert.That(data.SearchDirectories, Has.Count.EqualTo(3), "read-only directories are still searched");
        Assert.That(data.CacheDirectory, Is.EqualTo("/repo/data"));
    }

    [Test]
    public void No_writable_directory_means_no_cache()
    {
        var data = DataLocationsResolver.Resolve(new DataLocationsSources("/a", null, "/b"), _ => false);

        Assert.That(data.CacheDirectory, Is.Null);
    }

    [TestCase(false, null, true)]
    [TestCase(true, null, false)]
    [TestCase(false, "1", false)]
    [TestCase(false, "true", false)]
    [TestCase(false, "yes", false)]
    [TestCase(false, "0", true)]
    [TestCase(false, "false", true)]
    [TestCase(false, "OFF", true)]
    [TestCase(false, "", true)]
    [TestCase(true, "0", false)]
    public void Offline_flag_or_variable_turns_downloads_off(bool flag, string? variable, bool allowed)
    {
        var data = DataLocationsResolver.Resolve(new DataLocationsSources(null, null, "/repo/data", flag, variable), AllWritable);

        Assert.That(data.AllowDownload, Is.EqualTo(allowed));
    }

    [Test]
    public void Inside_a_checkout_the_default_is_the_repositorys_data_folder()
    {
        using var dir = new TempDirectory();
        dir.Write("Framework.sln", "");
        string bin = dir.Combine("host", "bin", "Debug", "net10.0");
        Directory.CreateDirectory(bin);

        Assert.That(DefaultDataDirectory.FindRepositoryRoot(bin), Is.EqualTo(dir.Path));
        Assert.That(DefaultDataDirectory.For(bin, "/xdg", "/home/u"), Is.EqualTo(dir.Combine("data")));
    }

    [Test]
    public void These_tests_run_inside_this_checkout()
    {
        string? root = DefaultDataDirectory.FindRepositoryRoot(AppContext.BaseDirectory);

        Assert.That(root, Is.Not.Null);
        Assert.That(File.Exists(Path.Combine(root!, "Framework.sln")), Is.True);
        Assert.That(DataLocationsSources.FromEnvironment(null).DefaultDirectory, Is.EqualTo(Path.Combine(root!, "data")));
    }

    [Test]
    public void Outside_a_checkout_the_default_is_the_per_user_cache()
    {
        using var dir = new TempDirectory();
        Assume.That(DefaultDataDirectory.FindRepositoryRoot(dir.Path), Is.Null, "the temp folder must not lie inside a checkout");

        Assert.That(DefaultDataDirectory.For(dir.Path, "/xdg", "/home/u"), Is.EqualTo("/xdg/descent/data"));
        Assert.That(DefaultDataDirectory.For(dir.Path, null, "/home/u"), Is.EqualTo("/home/u/.cache/descent/data"));
        Assert.That(DefaultDataDirectory.For(dir.Path, "relative/cache", "/home/u"), Is.EqualTo("/home/u/.cache/descent/data"), "XDG: a relative XDG_CACHE_HOME is ignored");
    }

    [Test]
    public void The_write_probe_tells_writable_from_impossible_and_leaves_nothing()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("not-a-directory", "x");

        Assert.That(DirectoryWriteProbe.CanWrite(dir.Path), Is.True);
        Assert.That(DirectoryWriteProbe.CanWrite(dir.Combine("not", "yet", "made")), Is.True, "a missing directory that could be created counts");
        Assert.That(DirectoryWriteProbe.CanWrite(Path.Combine(file, "sub")), Is.False, "a file stands in the way");
        Assert.That(dir.Files(), Is.EqualTo(new[] { "not-a-directory" }));
        Assert.That(Directory.Exists(dir.Combine("not")), Is.False, "probing creates no directories");
    }
}
