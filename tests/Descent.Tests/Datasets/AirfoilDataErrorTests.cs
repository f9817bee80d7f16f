using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Descent.Contracts;

namespace Descent.Tests.Datasets;

/// <summary>
/// Each way the airfoil file can be missing or damaged, with the exact message a user sees: what was
/// wrong (file, line, column) and what to do. The files here are made up in the airfoil's shape
/// (1503 rows of 6 tab-separated numbers, CR LF), so these tests need no real data.
/// </summary>
public sealed class AirfoilDataErrorTests
{
    private const string Url = "https://archive.ics.uci.edu/static/public/291/airfoil+self+noise.zip";
    private const string Crlf = "74c75fd71783f1e6b71f8a622b993dc592897a97cd689c5090a07147a1b097b3";
    private const string Lf = "10ee06e6cfb27dae6b44213d421d217012fb1f9b697592e73a4e4016b52d425f";
    private static readonly string Nl = Environment.NewLine;

    private TempDirectory dir = null!;

    [SetUp]
    public void CreateDirectory() => dir = new TempDirectory();

    [TearDown]
    public void DeleteDirectory() => dir.Dispose();

    [Test]
    public void Missing_file_offline_lists_every_directory_searched_and_says_where_to_put_it()
    {
        string first = dir.Combine("given"), second = dir.Combine("env"), third = dir.Combine("repo-data");
        var locations = new DataLocations([first, second, third], third, AllowDownload: false);

        string message = DatasetFactory.SetupError("airfoil", locations);

        Assert.That(message, Is.EqualTo(
            $"airfoil: airfoil_self_noise.dat was not found, and downloads are off (--offline or DESCENT_OFFLINE).{Nl}" +
            $"Searched:{Nl}  {first}{Nl}  {second}{Nl}  {third}{Nl}" +
            $"Put it into one of these directories, e.g. {first}/airfoil_self_noise.dat, or point Descent at the folder that holds it " +
            $"with --data-dir DIR or DESCENT_DATA_DIR=DIR. The file is inside {Url}; its sha256 is {Crlf} ({Lf} with LF line ends)."));
    }

    [Test]
    public void Missing_file_with_no_data_directories_says_how_to_name_one()
    {
        string message = DatasetFactory.SetupError("airfoil", DataLocations.None);

        Assert.That(message, Is.EqualTo(
            $"airfoil: airfoil_self_noise.dat was not found, and downloads are off (--offline or DESCENT_OFFLINE).{Nl}" +
            $"Searched:{Nl}  (no data directories are set){Nl}" +
            $"Put it into a folder and point Descent at that folder with --data-dir DIR or DESCENT_DATA_DIR=DIR. " +
            $"The file is inside {Url}; its sha256 is {Crlf} ({Lf} with LF line ends)."));
    }

    [Test]
    public void Missing_file_with_nowhere_to_download_to_says_so()
    {
        string message = DatasetFactory.SetupError("airfoil", new DataLocations([dir.Path], null, AllowDownload: true));

        Assert.That(message, Does.StartWith($"airfoil: airfoil_self_noise.dat was not found, and it cannot be downloaded: no data directory is writable.{Nl}Searched:{Nl}  {dir.Path}{Nl}"));
    }

    [Test]
    public void A_file_truncated_in_the_middle_of_a_line_names_that_line()
    {
        string text = AirfoilShaped(1503);
        string path = WriteAirfoil(text[..Nth(text, '\n', 16)] + "\n816\t3\t0.3"); // 16 whole lines, then part of line 17

        Assert.That(DatasetFactory.SetupError("airfoil", Here), Is.EqualTo(
            $"airfoil: {path}, line 17: expected 6 tab-separated numbers, found 3. " +
            $"The file is damaged or is not the airfoil file: replace it with an intact copy of airfoil_self_noise.dat from {Url}"));
    }

    [Test]
    public void A_file_truncated_at_a_line_end_has_too_few_rows()
    {
        string path = WriteAirfoil(AirfoilShaped(1000));

        Assert.That(DatasetFactory.SetupError("airfoil", Here), Is.EqualTo(
            $"airfoil: {path} has 1000 rows (the published file has 1503), fewer than rows = 1500; set rows to at most 1000"));
    }

    [Test]
    public void Asking_for_more_rows_than_the_file_has_says_how_many_it_has()
    {
        string path = WriteAirfoil(AirfoilShaped(1503));

        Assert.That(DatasetFactory.SetupError("airfoil", Here, ("rows", "2000"), ("verify", "false")), Is.EqualTo(
            $"airfoil: {path} has 1503 rows, fewer than rows = 2000; set rows to at most 1503"));
    }

    [Test]
    public void A_non_numeric_cell_names_its_line_and_column()
    {
        var lines = AirfoilShaped(1503).Split("\r\n");
        lines[2] = "1250\tabc\t0.3048\t71.3\t0.00266337\t127.591";
        string path = WriteAirfoil(string.Join("\r\n", lines));

        Assert.That(DatasetFactory.SetupError("airfoil", Here), Is.EqualTo(
            $"airfoil: {path}, line 3, column 2: 'abc' is not a number. " +
            $"The file is damaged or is not the airfoil file: replace it with an intact copy of airfoil_self_noise.dat from {Url}"));
    }

    [TestCase("1000\t0\t0.3048\t71.3\t0.00266337", 5)]
    [TestCase("1000\t0\t0.3048\t71.3\t0.00266337\t125.201\t7", 7)]
    [TestCase("1000 0 0.3048 71.3 0.00266337 125.201", 1)]
    public void A_line_with_the_wrong_number_of_columns_names_it_and_the_count(string line17, int found)
    {
        var lines = AirfoilShaped(1503).Split("\r\n");
        lines[16] = line17;
        string path = WriteAirfoil(string.Join("\r\n", lines));

        Assert.That(DatasetFactory.SetupError("airfoil", Here), Does.StartWith(
            $"airfoil: {path}, line 17: expected 6 tab-separated numbers, found {found}. The file is damaged"));
    }

    [Test]
    public void An_empty_file_says_it_is_empty()
    {
        string path = WriteAirfoil("\r\n");

        Assert.That(DatasetFactory.SetupError("airfoil", Here), Does.StartWith($"airfoil: {path} is empty. The file is damaged or is not the airfoil file"));
    }

    [Test]
    public void A_well_formed_file_with_another_checksum_is_refused_with_both_ways_out()
    {
        string path = WriteAirfoil(AirfoilShaped(1503));

        Assert.That(DatasetFactory.SetupError("airfoil", Here), Is.EqualTo(
            $"airfoil: {path} has sha256 {Sha256(path)}, but the airfoil file has sha256 {Crlf} (CR LF line ends) or {Lf} (LF line ends). " +
            $"If the file is damaged, replace it with an intact copy from {Url}; " +
            "if you changed it on purpose, set verify=false (its sha256 is recorded with every trial)"));
    }

    [Test]
    public void Verify_false_uses_an_edited_copy_and_records_its_checksum()
    {
        string path = WriteAirfoil(AirfoilShaped(1503));

        using var data = DatasetFactory.Create("airfoil", Here, ("verify", "false"));

        Assert.That(data.Info.Sha256, Is.EqualTo(Sha256(path)));
        Assert.That(data.Features.shape, Is.EqualTo(new long[] { 1500, 5 }));
    }

    [Test]
    public void A_constant_column_cannot_be_standardized()
    {
        var lines = AirfoilShaped(1503).Split("\r\n").Select(l => string.Join('\t', l.Split('\t').Select((c, i) => i == 2 ? "0.3048" : c)));
        string path = WriteAirfoil(string.Join("\r\n", lines));

        Assert.That(DatasetFactory.SetupError("airfoil", Here, ("verify", "false")), Is.EqualTo(
            $"airfoil: {path}: column 3 ('chord_length') has the same value in every row, so it cannot be standardized; set standardize=false or remove the column"));
    }

    [Test]
    public void A_url_that_is_not_http_is_refused_before_the_trial_starts()
    {
        var errors = DatasetFactory.BindErrors("airfoil", ("url", "ftp://example.org/airfoil.zip"));

        Assert.That(errors, Is.EqualTo(new[]
        {
            $"dataset 'airfoil': url = 'ftp://example.org/airfoil.zip' is not an http or https address; leave it out to use {Url}",
        }));
    }

    [Test]
    public void Rows_below_one_are_refused_before_the_trial_starts()
    {
        Assert.That(DatasetFactory.BindErrors("airfoil", ("rows", "0")), Is.EqualTo(new[] { "dataset 'airfoil': invalid rows = 0; valid range is [1, inf)" }));
    }

    /// <summary>Made-up rows in the airfoil's layout: 6 varying numbers, tab-separated, CR LF after every line.</summary>
    public static string AirfoilShaped(int rows)
    {
        var text = new StringBuilder();
        for (int i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{800 + i}\t{i % 7}\t{0.1 + (0.1 * (i % 3))}\t{30 + (i % 5)}\t{0.001 * (1 + (i % 11))}\t{100 + (i % 13)}\r\n");
        }

        return text.ToString();
    }

    private DataLocations Here => new([dir.Path], null, AllowDownload: false);

    private string WriteAirfoil(string text) => dir.Write("airfoil_self_noise.dat", text);

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>The index of the <paramref name="n"/>th <paramref name="c"/> in <paramref name="text"/>.</summary>
    private static int Nth(string text, char c, int n)
    {
        int index = -1;
        for (int i = 0; i < n; i++)
        {
            index = text.IndexOf(c, index + 1);
        }

        return index;
    }
}
