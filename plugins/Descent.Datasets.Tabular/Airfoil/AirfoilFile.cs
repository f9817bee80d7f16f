namespace Descent.Datasets.Tabular;

/// <summary>
/// The NASA airfoil self-noise file as the UCI Machine Learning Repository (data set 291, CC BY 4.0)
/// distributes it: 1503 rows of 6 tab-separated numbers, no header (Brooks, Pope and Marcolini,
/// NASA RP-1218, 1989). Two byte-exact versions are known and accepted: CR LF line ends (the copy d2l
/// checks for) and LF line ends; the numbers are identical.
/// </summary>
public static class AirfoilFile
{
    /// <summary>The file's name, in data directories and inside the UCI archive.</summary>
    public const string FileName = "airfoil_self_noise.dat";

    /// <summary>The UCI archive that holds the file.</summary>
    public const string DownloadUrl = "https://archive.ics.uci.edu/static/public/291/airfoil+self+noise.zip";

    /// <summary>SHA-256 of the file with CR LF line ends (59,984 bytes).</summary>
    public const string Sha256Crlf = "74c75fd71783f1e6b71f8a622b993dc592897a97cd689c5090a07147a1b097b3";

    /// <summary>SHA-256 of the same content with LF line ends (58,481 bytes).</summary>
    public const string Sha256Lf = "10ee06e6cfb27dae6b44213d421d217012fb1f9b697592e73a4e4016b52d425f";

    /// <summary>Rows in the file.</summary>
    public const int RowCount = 1503;

    /// <summary>The accepted checksums.</summary>
    public static IReadOnlyCollection<string> AcceptedSha256 { get; } = [Sha256Crlf, Sha256Lf];

    /// <summary>The five feature columns, in file order.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
    [
        "frequency",
        "angle_of_attack",
        "chord_length",
        "free_stream_velocity",
        "suction_side_displacement_thickness",
    ];

    /// <summary>The label, the last column (dB).</summary>
    public const string LabelName = "scaled_sound_pressure_level";

    /// <summary>How the file is read: tab-separated, no header, six named columns.</summary>
    public static TableFormat Format { get; } = new(Delimiter.Tab, Header: false, Comments: false, ColumnNames: [.. FeatureNames, LabelName]);

    /// <summary>One line naming the file and its checksum, for messages.</summary>
    public static string Identity => $"{FileName} (sha256 {Sha256Crlf}, or {Sha256Lf} with LF line ends)";
}
