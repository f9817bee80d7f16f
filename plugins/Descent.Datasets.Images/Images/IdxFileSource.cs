using Descent.Contracts;
using Descent.Datasets.Tabular;

namespace Descent.Datasets.Images;

/// <summary>
/// Finds a file of an <see cref="IdxImageSet"/> for a trial: in <c>DIR/&lt;folder&gt;/</c> of each data directory
/// (<c>--data-dir</c>, <c>DESCENT_DATA_DIR</c>, the repository's <c>data/</c>), then in the set's system
/// directory (a distribution package), gzip or not; else downloads it into the cache directory, checked
/// against the published SHA-256 (a file that fails is deleted, never cached). Every failure says where
/// Descent looked and both ways to get the files.
/// </summary>
public static class IdxFileSource
{
    /// <summary>The directories searched for the set's files, in order.</summary>
    public static IReadOnlyList<string> Searched(IdxImageSet set, DataLocations data)
    {
        ArgumentNullException.ThrowIfNull(set);
        var directories = DataDirectories.Searched(data).Select(d => Path.Combine(d, set.Folder)).ToList();
        if (set.SystemDirectory is { } system)
        {
            directories.Add(system);
        }

        return directories;
    }

    /// <summary>The path of <paramref name="file"/>, downloading it when needed.</summary>
    /// <exception cref="TrialSetupException">The file is nowhere and cannot be downloaded, or the download is not the published file.</exception>
    public static string Locate(IdxImageSet set, IdxFileSpec file, DataLocations data)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(data);
        var searched = Searched(set, data);
        string? found = DataDirectories.Find(file.Name, searched) ?? DataDirectories.Find(file.UncompressedName, searched);
        if (found is not null)
        {
            return found;
        }

        string url = set.BaseUrl + file.Name;
        if (!data.AllowDownload)
        {
            throw new TrialSetupException(NotFound(set, file, searched, ", and downloads are off (--offline or DESCENT_OFFLINE)"));
        }

        if (data.CacheDirectory is null)
        {
            throw new TrialSetupException(NotFound(set, file, searched, ", and it cannot be downloaded: no data directory is writable"));
        }

        string target = Path.Combine(Path.GetFullPath(data.CacheDirectory), set.Folder, file.Name);
        try
        {
            DataFileDownloader.Download(new Uri(url), file.Name, target, file.AcceptedSha256);
            return target;
        }
        catch (DownloadFailedException e)
        {
            throw new TrialSetupException(NotFound(set, file, searched, $", and downloading it from {url} failed: {e.Message}"), e);
        }
        catch (ChecksumMismatchException e)
        {
            throw new TrialSetupException(
                $"{set.Id}: the file downloaded from {url} has sha256 {e.ActualSha256}, but {file.Name} has sha256 {string.Join(" or ", file.AcceptedSha256)}; " +
                $"it was deleted, not cached. Try again later, or put the published file into {Path.GetDirectoryName(target)}",
                e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrialSetupException(NotFound(set, file, searched, $", and it could not be saved to {target}: {e.Message}"), e);
        }
    }

    private static string NotFound(IdxImageSet set, IdxFileSpec file, IReadOnlyList<string> searched, string reason)
    {
        string nl = Environment.NewLine;
        string files = string.Join(", ", set.Files.Select(f => f.Name));
        string package = set.SystemPackage is null ? "" : $"Either install the package ({set.SystemPackage}, into {set.SystemDirectory}), or put";
        string put = package.Length == 0 ? "Put" : package;
        return $"{set.Id}: {file.Name} was not found{reason}.{nl}" +
               $"Searched:{nl}{DataDirectories.List(searched)}{nl}" +
               $"{put} the four files {files} (from {set.BaseUrl}, gzip or not) into DIR/{set.Folder}/ " +
               "and name DIR with --data-dir DIR or DESCENT_DATA_DIR=DIR (the repository's data/ folder is searched too).";
    }
}
