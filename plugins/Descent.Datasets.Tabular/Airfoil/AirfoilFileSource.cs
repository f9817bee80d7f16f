using Descent.Contracts;

namespace Descent.Datasets.Tabular;

/// <summary>
/// Finds the airfoil file for a trial: the first data directory that has it (in the order of
/// <see cref="DataDirectories.Searched"/>), else a download into the cache directory when downloads are
/// allowed. Every failure says where Descent looked and where to put the file.
/// </summary>
public static class AirfoilFileSource
{
    /// <summary>The path of the file, downloading it when needed.</summary>
    /// <exception cref="TrialSetupException">The file is nowhere and cannot be downloaded, or the download is not the published file.</exception>
    public static string Locate(AirfoilOptions options, DataLocations data)
    {
        var searched = DataDirectories.Searched(data);
        string? found = DataDirectories.Find(AirfoilFile.FileName, searched);
        if (found is not null)
        {
            return found;
        }

        if (!data.AllowDownload)
        {
            throw new TrialSetupException(NotFound(searched, options.Url, ", and downloads are off (--offline or DESCENT_OFFLINE)"));
        }

        if (data.CacheDirectory is null)
        {
            throw new TrialSetupException(NotFound(searched, options.Url, ", and it cannot be downloaded: no data directory is writable"));
        }

        string target = Path.Combine(Path.GetFullPath(data.CacheDirectory), AirfoilFile.FileName);
        try
        {
            DataFileDownloader.Download(new Uri(options.Url), AirfoilFile.FileName, target, AirfoilFile.AcceptedSha256);
            return target;
        }
        catch (DownloadFailedException e)
        {
            throw new TrialSetupException(NotFound(searched, options.Url, $", and downloading it from {options.Url} failed: {e.Message}"), e);
        }
        catch (ChecksumMismatchException e)
        {
            throw new TrialSetupException(
                $"airfoil: the file downloaded from {options.Url} has sha256 {e.ActualSha256}, but the airfoil file has {KnownChecksums}; " +
                $"it was deleted, not cached. Try again later, or download {AirfoilFile.FileName} yourself and put it into {Path.GetDirectoryName(target)} " +
                "(or into a folder you name with --data-dir DIR or DESCENT_DATA_DIR=DIR)",
                e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrialSetupException(NotFound(searched, options.Url, $", and it could not be saved to {target}: {e.Message}"), e);
        }
    }

    /// <summary>Both published checksums with their line ends, for messages.</summary>
    public static string KnownChecksums => $"sha256 {AirfoilFile.Sha256Crlf} (CR LF line ends) or {AirfoilFile.Sha256Lf} (LF line ends)";

    private static string NotFound(IReadOnlyList<string> searched, string url, string reason)
    {
        string nl = Environment.NewLine;
        string where = searched.Count == 0
            ? "Put it into a folder and point Descent at that folder"
            : $"Put it into one of these directories, e.g. {Path.Combine(searched[0], AirfoilFile.FileName)}, or point Descent at the folder that holds it";
        return $"airfoil: {AirfoilFile.FileName} was not found{reason}.{nl}" +
               $"Searched:{nl}{DataDirectories.List(searched)}{nl}" +
               $"{where} with --data-dir DIR or DESCENT_DATA_DIR=DIR. " +
               $"The file is inside {url}; its sha256 is {AirfoilFile.Sha256Crlf} ({AirfoilFile.Sha256Lf} with LF line ends).";
    }
}
