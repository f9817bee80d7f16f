using Descent.Contracts;

namespace Descent.Datasets.Tabular;

/// <summary>
/// The airfoil self-noise data as d2l's <c>get_data_ch7</c> prepares it: all 1503 rows read in float64,
/// every column (label included) standardized by its mean and population standard deviation over all
/// rows, the first <c>rows</c> (1500) kept; columns 1-5 are the features, column 6 the label; converted
/// to the trial's dtype and device last. The file is found (or downloaded) by <see cref="AirfoilFileSource"/>
/// and parsed once per process (<see cref="ParsedFileCache"/>).
/// </summary>
public sealed class AirfoilDataset : TensorDataset
{
    /// <summary>Loads the data for a trial.</summary>
    /// <exception cref="TrialSetupException">The file is missing, damaged, or not the published one.</exception>
    public AirfoilDataset(AirfoilOptions options, TrialContext context)
        : base(Load(options, context), context)
    {
    }

    private static DatasetContent Load(AirfoilOptions options, TrialContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        string path = AirfoilFileSource.Locate(options, context.Data);
        var file = Read(path, options);
        var table = file.Table;
        if (table.Rows < options.Rows)
        {
            string published = table.Rows < AirfoilFile.RowCount ? $" (the published file has {AirfoilFile.RowCount})" : "";
            throw new TrialSetupException($"airfoil: {path} has {table.Rows} rows{published}, fewer than rows = {options.Rows}; set rows to at most {table.Rows}");
        }

        if (options.Verify && !AirfoilFile.AcceptedSha256.Contains(file.Sha256))
        {
            throw new TrialSetupException(
                $"airfoil: {path} has sha256 {file.Sha256}, but the airfoil file has {AirfoilFileSource.KnownChecksums}. " +
                $"If the file is damaged, replace it with an intact copy from {options.Url}; " +
                "if you changed it on purpose, set verify=false (its sha256 is recorded with every trial)");
        }

        if (options.Standardize)
        {
            table = table.Standardized($"airfoil: {path}");
        }

        var (features, labels) = table.Split(options.Rows, labelColumn: AirfoilFile.FeatureNames.Count);
        var info = new DatasetInfo("airfoil self-noise", options.Rows, AirfoilFile.FeatureNames, AirfoilFile.LabelName, file.Path, file.Sha256);
        return new DatasetContent(info, features, labels);
    }

    private static ParsedFile Read(string path, AirfoilOptions options)
    {
        try
        {
            return ParsedFileCache.Get(path, AirfoilFile.Format);
        }
        catch (TableFormatException e)
        {
            throw new TrialSetupException(
                $"airfoil: {e.Describe(path)}. The file is damaged or is not the airfoil file: replace it with an intact copy of {AirfoilFile.FileName} from {options.Url}",
                e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrialSetupException($"airfoil: cannot read {path}: {e.Message}", e);
        }
    }
}
