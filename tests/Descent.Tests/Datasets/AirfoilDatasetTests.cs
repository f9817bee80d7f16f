using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Tests.Datasets;

/// <summary>
/// The airfoil dataset against the chapter's preparation (shared/REFERENCE.md section 2): all 1503 rows
/// standardized per column by mean and population std, first 1500 kept, 5 features and 1 label.
/// Reference values were computed from the published file with Python's <c>math.fsum</c> (exactly rounded
/// sums), independently of this code; float64 results must agree to 1e-12 relative (a few ulps of
/// rounding in the sums), float32 results to float32 rounding (6e-8 relative, 1e-7 allowed).
/// </summary>
public sealed class AirfoilDatasetTests
{
    // (x - mean) / std for rows 1, 2 and 1500 of the file (math.fsum, Python 3).
    private static readonly double[] Row1 = [-0.6620227033980999, -1.1464029336161918, 1.7992992570062563, 1.312935258421283, -0.6448046088616137, 0.19793876277209904];
    private static readonly double[] Row2 = [-0.5985613471889084, -1.1464029336161918, 1.7992992570062563, 1.312935258421283, -0.6448046088616137, 0.05293475852072441];
    private static readonly double[] Row1500 = [0.0836482320598997, 1.4904430221522287, -0.3737395403263295, -0.7233448335380094, 3.172772505745434, -2.2594440972759453];

    [Test]
    public void Default_is_1500_rows_of_5_float32_features_and_a_label_vector()
    {
        using var data = DatasetFactory.Create("airfoil", SharedAirfoilFile.RequireLocations());

        Assert.That(data.Features.shape, Is.EqualTo(new long[] { 1500, 5 }));
        Assert.That(data.Labels.shape, Is.EqualTo(new long[] { 1500 }));
        Assert.That(data.Features.dtype, Is.EqualTo(ScalarType.Float32));
        Assert.That(data.Labels.dtype, Is.EqualTo(ScalarType.Float32));
        Assert.That(data.Features.device_type, Is.EqualTo(DeviceType.CPU));
    }

    [Test]
    public void Info_names_the_columns_and_the_verified_file()
    {
        using var data = DatasetFactory.Create("airfoil", SharedAirfoilFile.RequireLocations());

        Assert.That(data.Info.Name, Is.EqualTo("airfoil self-noise"));
        Assert.That(data.Info.Rows, Is.EqualTo(1500));
        Assert.That(data.Info.FeatureNames, Is.EqualTo(new[]
        {
            "frequency", "angle_of_attack", "chord_length", "free_stream_velocity", "suction_side_displacement_thickness",
        }));
        Assert.That(data.Info.LabelName, Is.EqualTo("scaled_sound_pressure_level"));
        Assert.That(data.Info.Source, Is.EqualTo(SharedAirfoilFile.RequirePath()));
        Assert.That(data.Info.Sha256, Is.EqualTo("74c75fd71783f1e6b71f8a622b993dc592897a97cd689c5090a07147a1b097b3"));
    }

    [Test]
    public void Float64_rows_equal_the_reference_standardization()
    {
        using var data = DatasetFactory.Create("airfoil", SharedAirfoilFile.RequireLocations(), ScalarType.Float64);
        var features = DatasetFactory.Values(data.Features);
        var labels = DatasetFactory.Values(data.Labels);

        foreach (var (row, expected) in new[] { (0, Row1), (1, Row2), (1499, Row1500) })
        {
            for (int j = 0; j < 5; j++)
            {
                Assert.That(features[(row * 5) + j], Is.EqualTo(expected[j]).Within(1e-12 * Math.Abs(expected[j])), $"row {row + 1}, feature {j + 1}");
            }

            Assert.That(labels[row], Is.EqualTo(expected[5]).Within(1e-12 * Math.Abs(expected[5])), $"row {row + 1}, label");
        }
    }

    [Test]
    public void Float32_rows_are_the_float64_values_rounded()
    {
        using var data = DatasetFactory.Create("airfoil", SharedAirfoilFile.RequireLocations());
        var features = DatasetFactory.Values(data.Features);

        for (int j = 0; j < 5; j++)
        {
            Assert.That(features[j], Is.EqualTo(Row1[j]).Within(1e-7 * Math.Abs(Row1[j])), $"feature {j + 1}");
        }
    }

    [Test]
    public void Every_column_is_standardized_over_all_1503_rows_not_the_kept_1500()
    {
        var rows = SharedAirfoilFile.RequireRows();
        Assert.That(rows, Has.Length.EqualTo(1503));
        using var data = DatasetFactory.Create("airfoil", SharedAirfoilFile.RequireLocations(), ScalarType.Float64);
        var features = DatasetFactory.Values(data.Features);
        var labels = DatasetFactory.Values(data.Labels);

        for (int j = 0; j < 6; j++)
        {
            // Independently: mean and population std (ddof 0) of the raw column over all 1503 rows.
            var column = rows.Select(r => r[j]).ToArray();
            double mean = column.Average();
            double std = Math.Sqrt(column.Select(x => (x - mean) * (x - mean)).Average());
            for (int r = 0; r < 1500; r++)
            {
                double expected = (column[r] - mean) / std;
                double actual = j < 5 ? features[(r * 5) + j] : labels[r];
                Assert.That(actual, Is.EqualTo(expected).Within(1e-12 * Math.Max(1, Math.Abs(expected))), $"row {r + 1}, column {j + 1}");
            }
        }
    }

    [Test]
    public void Rows_and_standardize_are_options()
    {
        var rows = SharedAirfoilFile.RequireRows();
        using var data = DatasetFactory.Create("airfoil", SharedAirfoilFile.RequireLocations(), ScalarType.Float64, ("rows", "1503"), ("standardize", "false"));

        Assert.That(data.Features.shape, Is.EqualTo(new long[] { 1503, 5 }));
        Assert.That(data.Info.Rows, Is.EqualTo(1503));
        Assert.That(DatasetFactory.Values(data.Features)[..5], Is.EqualTo(rows[0][..5]), "raw values, unscaled");
        Assert.That(DatasetFactory.Values(data.Labels)[1502], Is.EqualTo(rows[1502][5]));
    }

    [Test]
    public void The_lf_copy_is_accepted_and_gives_the_same_numbers()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine(SharedAirfoilFile.FileName), File.ReadAllText(SharedAirfoilFile.RequirePath()).Replace("\r\n", "\n", StringComparison.Ordinal));
        using var lf = DatasetFactory.Create("airfoil", new DataLocations([dir.Path], null, false), ScalarType.Float64);
        using var crlf = DatasetFactory.Create("airfoil", SharedAirfoilFile.RequireLocations(), ScalarType.Float64);

        Assert.That(lf.Info.Sha256, Is.EqualTo("10ee06e6cfb27dae6b44213d421d217012fb1f9b697592e73a4e4016b52d425f"));
        Assert.That(DatasetFactory.Values(lf.Features), Is.EqualTo(DatasetFactory.Values(crlf.Features)));
        Assert.That(DatasetFactory.Values(lf.Labels), Is.EqualTo(DatasetFactory.Values(crlf.Labels)));
    }

    [Test]
    public void The_first_directory_that_has_the_file_wins()
    {
        using var empty = new TempDirectory();
        using var data = DatasetFactory.Create("airfoil", new DataLocations([empty.Path, SharedAirfoilFile.RequireDirectory()], empty.Path, AllowDownload: false));

        Assert.That(data.Info.Source, Is.EqualTo(SharedAirfoilFile.RequirePath()));
        Assert.That(empty.Files(), Is.Empty, "nothing is written when the file is found");
    }

    [Test]
    public void Tensors_outlive_the_callers_dispose_scope_and_are_freed_by_dispose()
    {
        var locations = SharedAirfoilFile.RequireLocations();
        DatasetFactory.Create("airfoil", locations).Dispose(); // parse outside the measurement
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        IDataset data;
        using (NewDisposeScope())
        {
            data = DatasetFactory.Create("airfoil", locations);
        }

        using (NewDisposeScope())
        {
            Assert.That(data.Features.sum().item<float>(), Is.Not.NaN, "the tensors survive the scope they were made in");
        }

        data.Dispose();
        data.Dispose();
        Assert.That(DisposeScopeManager.Statistics.ThreadTotalLiveCount, Is.EqualTo(before), "dispose frees every tensor the dataset made");
    }

    [Test]
    public void Each_dataset_gets_its_own_tensors_from_the_shared_parse()
    {
        var locations = SharedAirfoilFile.RequireLocations();
        using var first = DatasetFactory.Create("airfoil", locations);
        using var second = DatasetFactory.Create("airfoil", locations);

        first.Features.mul_(0);
        Assert.That(DatasetFactory.Values(second.Features)[0], Is.EqualTo(Row1[0]).Within(1e-6), "changing one trial's tensor leaves the other's alone");
        using var third = DatasetFactory.Create("airfoil", locations);
        Assert.That(DatasetFactory.Values(third.Features)[0], Is.EqualTo(Row1[0]).Within(1e-6), "and leaves the cached numbers alone");
    }

    [Test]
    public void Trials_on_many_threads_see_the_same_numbers()
    {
        var locations = SharedAirfoilFile.RequireLocations();
        var sums = new double[8];
        Parallel.For(0, sums.Length, i =>
        {
            using var data = DatasetFactory.Create("airfoil", locations, ScalarType.Float64);
            sums[i] = DatasetFactory.Values(data.Labels).Sum();
        });

        Assert.That(sums.Distinct().Count(), Is.EqualTo(1));
    }
}
