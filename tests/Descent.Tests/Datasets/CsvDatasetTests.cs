using System.Security.Cryptography;
using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Tests.Datasets;

/// <summary>The <c>csv</c> dataset: users' own delimited numbers, a chosen label column, optional standardization.</summary>
public sealed class CsvDatasetTests
{
    private static readonly string Nl = Environment.NewLine;

    private TempDirectory dir = null!;

    [SetUp]
    public void CreateDirectory() => dir = new TempDirectory();

    [TearDown]
    public void DeleteDirectory() => dir.Dispose();

    private DataLocations Here => new([dir.Path], null, AllowDownload: false);

    [Test]
    public void A_header_names_the_columns_and_the_last_column_is_the_label()
    {
        string path = dir.Write("m.csv", "a,b,y\n1,2,3\n4,5,6\n");

        using var data = Load(("path", path));

        Assert.That(data.Info.Name, Is.EqualTo("m.csv"));
        Assert.That(data.Info.Rows, Is.EqualTo(2));
        Assert.That(data.Info.FeatureNames, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(data.Info.LabelName, Is.EqualTo("y"));
        Assert.That(data.Info.Source, Is.EqualTo(path));
        Assert.That(data.Info.Sha256, Is.EqualTo(Sha256(path)));
        Assert.That(DatasetFactory.Values(data.Features), Is.EqualTo(new double[] { 1, 2, 4, 5 }));
        Assert.That(DatasetFactory.Values(data.Labels), Is.EqualTo(new double[] { 3, 6 }));
        Assert.That(data.Features.shape, Is.EqualTo(new long[] { 2, 2 }));
    }

    [TestCase("b", new double[] { 1, 3, 4, 6 }, new double[] { 2, 5 })]
    [TestCase("0", new double[] { 2, 3, 5, 6 }, new double[] { 1, 4 })]
    [TestCase("y", new double[] { 1, 2, 4, 5 }, new double[] { 3, 6 })]
    public void Target_is_a_name_or_a_0_based_index(string target, double[] features, double[] labels)
    {
        string path = dir.Write("m.csv", "a,b,y\n1,2,3\n4,5,6\n");

        using var data = Load(("path", path), ("target", target));

        Assert.That(DatasetFactory.Values(data.Features), Is.EqualTo(features));
        Assert.That(DatasetFactory.Values(data.Labels), Is.EqualTo(labels));
    }

    [TestCase("1;2;3\n4;5;6\n", TestName = "semicolons, no header")]
    [TestCase("1\t2\t3\r\n4\t5\t6\r\n", TestName = "tabs, CR LF")]
    [TestCase("# measured 2024\n  1   2  3\n\n4 5    6\n", TestName = "whitespace, a comment, a blank line")]
    [TestCase("\uFEFF1,2,3\n4,5,6", TestName = "byte order mark, no final line end")]
    public void The_delimiter_and_the_header_are_detected(string text)
    {
        string path = dir.Write("m.txt", text);

        using var data = Load(("path", path));

        Assert.That(data.Info.FeatureNames, Is.EqualTo(new[] { "column0", "column1" }));
        Assert.That(data.Info.LabelName, Is.EqualTo("column2"));
        Assert.That(DatasetFactory.Values(data.Features), Is.EqualTo(new double[] { 1, 2, 4, 5 }));
        Assert.That(DatasetFactory.Values(data.Labels), Is.EqualTo(new double[] { 3, 6 }));
    }

    [Test]
    public void A_named_delimiter_and_quoted_header_cells_are_read()
    {
        string path = dir.Write("m.txt", "\"x\"|\"t\"\n1.5e-3|-2\n");

        using var data = Load(("path", path), ("delimiter", "pipe"), ("header", "true"));

        Assert.That(data.Info.FeatureNames, Is.EqualTo(new[] { "x" }));
        Assert.That(DatasetFactory.Values(data.Features), Is.EqualTo(new[] { 1.5e-3 }));
        Assert.That(DatasetFactory.Values(data.Labels), Is.EqualTo(new[] { -2.0 }));
    }

    [Test]
    public void Standardize_scales_every_column_over_all_rows_before_rows_are_kept()
    {
        string path = dir.Write("m.csv", "a,y\n1,10\n2,20\n3,30\n6,60\n");

        using var data = Load(("path", path), ("standardize", "true"), ("rows", "2"));

        // a: mean 3, population std sqrt((4 + 1 + 0 + 9) / 4) = sqrt(3.5); y is a scaled by 10, so standardizes the same.
        double std = Math.Sqrt(3.5);
        Assert.That(DatasetFactory.Values(data.Features), Is.EqualTo(new[] { -2 / std, -1 / std }).Within(1e-15));
        Assert.That(DatasetFactory.Values(data.Labels), Is.EqualTo(new[] { -2 / std, -1 / std }).Within(1e-15));
        Assert.That(data.Info.Rows, Is.EqualTo(2));
    }

    [Test]
    public void A_relative_path_is_found_in_the_data_directories()
    {
        using var other = new TempDirectory();
        dir.Write(Path.Combine("sub", "m.csv"), "1,2\n3,4\n");

        using var data = DatasetFactory.Create("csv", new DataLocations([other.Path, dir.Path], null, false), ScalarType.Float64, ("path", "sub/m.csv"));

        Assert.That(data.Info.Source, Is.EqualTo(dir.Combine("sub", "m.csv")));
    }

    [Test]
    public void An_edited_file_is_read_again()
    {
        string path = dir.Write("m.csv", "1,2\n3,4\n");
        using (var before = Load(("path", path)))
        {
            Assert.That(DatasetFactory.Values(before.Labels), Is.EqualTo(new double[] { 2, 4 }));
        }

        File.WriteAllText(path, "1,7\n3,8\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1)); // same length: the time must tell

        using var after = Load(("path", path));
        Assert.That(DatasetFactory.Values(after.Labels), Is.EqualTo(new double[] { 7, 8 }));
    }

    [Test]
    public void A_missing_path_is_refused_before_the_trial_starts()
    {
        Assert.That(DatasetFactory.BindErrors("csv"), Is.EqualTo(new[]
        {
            "dataset 'csv': path is required: give the file, e.g. path=measurements.csv (relative paths are looked up in the data directories, then the working directory)",
        }));
    }

    [Test]
    public void Unknown_delimiter_header_or_checksum_options_are_refused()
    {
        Assert.That(DatasetFactory.BindErrors("csv", ("path", "m.csv"), ("delimiter", "::"), ("sha256", "abc")), Is.EqualTo(new[]
        {
            "dataset 'csv': delimiter = '::' is not known; use auto, comma, tab, semicolon, whitespace, pipe, or a single character",
            "dataset 'csv': sha256 = 'abc' is not a SHA-256 checksum (64 hex digits); print one with: sha256sum FILE",
        }));
        Assert.That(DatasetFactory.BindErrors("csv", ("path", "m.csv"), ("header", "maybe")), Is.EqualTo(new[]
        {
            "dataset 'csv': invalid header = 'maybe'; valid values are auto, true, false",
        }));
    }

    [Test]
    public void An_unknown_target_lists_the_columns()
    {
        string path = dir.Write("m.csv", "a,b,y\n1,2,3\n");

        Assert.That(Error(("path", path), ("target", "z")), Is.EqualTo(
            $"csv: {path} has no column 'z'; give target as one of these names or 0-based indexes: 0 'a', 1 'b', 2 'y'"));
        Assert.That(Error(("path", path), ("target", "3")), Does.StartWith($"csv: {path} has no column '3'; "));
    }

    [Test]
    public void A_non_numeric_cell_names_its_line_column_and_header()
    {
        string path = dir.Write("m.csv", "a,b,y\n1,2,3\n4,x,6\n");

        Assert.That(Error(("path", path)), Is.EqualTo($"csv: {path}, line 3, column 2 ('b'): 'x' is not a number"));
    }

    [Test]
    public void A_decimal_comma_gets_a_hint()
    {
        string path = dir.Write("m.csv", "1;2\n1,5;3\n");

        Assert.That(Error(("path", path)), Is.EqualTo($"csv: {path}, line 2, column 1: '1,5' is not a number (write the decimal point as '.')"));
        string everyLine = dir.Write("eu.csv", "1,5;2,5\n3,5;4,5\n");
        Assert.That(Error(("path", everyLine)), Is.EqualTo($"csv: {everyLine}, line 1, column 1: '1,5' is not a number (write the decimal point as '.')"), "semicolons win over decimal commas");
    }

    [Test]
    public void An_empty_cell_is_named()
    {
        string path = dir.Write("m.csv", "a,b\n1,\n");

        Assert.That(Error(("path", path)), Is.EqualTo($"csv: {path}, line 2, column 2 ('b'): the cell is empty; every cell must hold a number"));
    }

    [Test]
    public void A_short_row_names_its_line_and_the_count()
    {
        string path = dir.Write("m.csv", "a,b,y\n1,2,3\n4,5\n");

        Assert.That(Error(("path", path)), Is.EqualTo($"csv: {path}, line 3: expected 3 comma-separated numbers, found 2"));
    }

    [Test]
    public void Empty_and_header_only_files_say_so()
    {
        string empty = dir.Write("empty.csv", "\n# nothing\n");
        string headerOnly = dir.Write("header.csv", "a,b\n");

        Assert.That(Error(("path", empty)), Is.EqualTo($"csv: {empty} is empty"));
        Assert.That(Error(("path", headerOnly)), Is.EqualTo($"csv: {headerOnly} has a header line but no rows of numbers"));
    }

    [Test]
    public void One_column_suggests_naming_the_delimiter()
    {
        string single = dir.Write("single.csv", "1\n3\n");
        string path = dir.Write("m.csv", "1:2\n3:4\n");

        Assert.That(Error(("path", single)), Is.EqualTo(
            $"csv: {single} has only one column ('column0'), but a label and at least one feature are needed; if the file has more columns, name its delimiter (delimiter = auto now; e.g. delimiter=comma)"));
        Assert.That(Error(("path", path)), Is.EqualTo(
            $"csv: {path}, line 2, column 1 ('1:2'): '3:4' is not a number (every line was read as one column: set delimiter to the character between the cells)"));
        using var data = Load(("path", path), ("delimiter", ":"));
        Assert.That(DatasetFactory.Values(data.Labels), Is.EqualTo(new double[] { 2, 4 }));
    }

    [Test]
    public void A_file_that_is_nowhere_lists_where_it_was_looked_for()
    {
        Assert.That(Error(("path", "nothere.csv")), Is.EqualTo(
            $"csv: nothere.csv was not found. Searched:{Nl}  {dir.Path}{Nl}  {Directory.GetCurrentDirectory()}{Nl}" +
            "Give an absolute path, or put the file into one of these directories, or name its folder with --data-dir DIR or DESCENT_DATA_DIR=DIR"));
        Assert.That(Error(("path", dir.Combine("nothere.csv"))), Is.EqualTo($"csv: {dir.Combine("nothere.csv")} does not exist; check path"));
    }

    [Test]
    public void A_checksum_that_does_not_match_is_an_error()
    {
        string path = dir.Write("m.csv", "1,2\n");
        string wrong = new('0', 64);

        Assert.That(Error(("path", path), ("sha256", wrong)), Is.EqualTo(
            $"csv: {path} has sha256 {Sha256(path)}, but sha256 = {wrong} was asked for; use the file you meant, or update sha256"));
        using var data = Load(("path", path), ("sha256", Sha256(path).ToUpperInvariant()));
        Assert.That(data.Info.Rows, Is.EqualTo(1));
    }

    [Test]
    public void Asking_for_more_rows_than_there_are_is_an_error()
    {
        string path = dir.Write("m.csv", "1,2\n3,4\n");

        Assert.That(Error(("path", path), ("rows", "5")), Is.EqualTo($"csv: {path} has 2 rows, fewer than rows = 5; set rows to at most 2, or 0 for all"));
    }

    private IDataset Load(params (string, string)[] settings) => DatasetFactory.Create("csv", Here, ScalarType.Float64, settings);

    private string Error(params (string, string)[] settings) => DatasetFactory.SetupError("csv", Here, settings);

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
