using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Descent.Contracts;
using Descent.Datasets.Tabular;

namespace Descent.Datasets.Images;

/// <summary>
/// Finds the CIFAR-10 batches for a trial: the first of <c>DIR/cifar10/</c> and <c>DIR/cifar-10-batches-bin/</c>,
/// over the data directories, that holds any of the six files (it must hold all six); else downloads the
/// archive into <c>CACHE/cifar10/</c>, checks its SHA-256 and its published MD5, and extracts the six batches,
/// each into a temporary file renamed into place, so a batch file is whole or absent. The archive is deleted
/// afterwards, whether it passed or not.
/// </summary>
public static class Cifar10Source
{
    private static readonly object ExtractLock = new();

    /// <summary>The folders searched, in order.</summary>
    public static IReadOnlyList<string> Searched(DataLocations data) =>
        DataDirectories.Searched(data).SelectMany(d => new[] { Path.Combine(d, Cifar10Files.Folder), Path.Combine(d, Cifar10Files.ArchiveFolder) }).ToList();

    /// <summary>The folder that holds all six batch files, downloading them when needed.</summary>
    /// <param name="data">The trial's data directories.</param>
    /// <param name="archive">Where to download the archive from and its checksums.</param>
    /// <exception cref="TrialSetupException">A folder lacks some batches, or none has them and they cannot be downloaded.</exception>
    public static string Locate(DataLocations data, CifarArchive archive)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(archive);
        var searched = Searched(data);
        string? folder = searched.FirstOrDefault(f => Cifar10Files.Batches.Any(b => File.Exists(Path.Combine(f, b))));
        if (folder is not null)
        {
            RequireAll(folder);
            return folder;
        }

        if (!data.AllowDownload)
        {
            throw new TrialSetupException(NotFound(searched, archive, ", and downloads are off (--offline or DESCENT_OFFLINE)"));
        }

        if (data.CacheDirectory is null)
        {
            throw new TrialSetupException(NotFound(searched, archive, ", and they cannot be downloaded: no data directory is writable"));
        }

        string target = Path.Combine(Path.GetFullPath(data.CacheDirectory), Cifar10Files.Folder);
        lock (ExtractLock)
        {
            if (!Cifar10Files.Batches.All(b => File.Exists(Path.Combine(target, b))))
            {
                Download(archive, target, searched);
            }
        }

        return target;
    }

    private static void RequireAll(string folder)
    {
        var missing = Cifar10Files.Batches.Where(b => !File.Exists(Path.Combine(folder, b))).ToList();
        if (missing.Count > 0)
        {
            var present = Cifar10Files.Batches.Except(missing);
            throw new TrialSetupException(
                $"cifar10: {Path.Combine(folder, missing[0])} is missing: {folder} holds {string.Join(", ", present)} but not {string.Join(", ", missing)}. " +
                $"CIFAR-10 needs all six batches ({string.Join(", ", Cifar10Files.Batches)}); copy the missing ones from the {Cifar10Files.ArchiveFolder} folder of {Cifar10Files.Archive.Url}");
        }
    }

    private static void Download(CifarArchive archive, string target, IReadOnlyList<string> searched)
    {
        string archivePath = Path.Combine(target, archive.Name);
        try
        {
            DataFileDownloader.Download(archive.Url, archive.Name, archivePath, [archive.Sha256]);
            string md5 = Md5(archivePath);
            if (md5 != archive.Md5)
            {
                throw new TrialSetupException(
                    $"cifar10: the archive downloaded from {archive.Url} has the published sha256 but md5 {md5}, not the published {archive.Md5}; it was deleted. " +
                    $"Try again later, or extract the published archive's batches into {target}");
            }

            Extract(archivePath, target);
        }
        catch (DownloadFailedException e)
        {
            throw new TrialSetupException(NotFound(searched, archive, $", and downloading {archive.Url} failed: {e.Message}"), e);
        }
        catch (ChecksumMismatchException e)
        {
            throw new TrialSetupException(
                $"cifar10: the archive downloaded from {archive.Url} has sha256 {e.ActualSha256}, but {archive.Name} has sha256 {archive.Sha256} (md5 {archive.Md5}); " +
                $"it was deleted, not cached. Try again later, or extract the published archive's batches into {target}",
                e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrialSetupException(NotFound(searched, archive, $", and it could not be saved to {target}: {e.Message}"), e);
        }
        finally
        {
            File.Delete(archivePath);
        }
    }

    private static string Md5(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(MD5.HashData(stream));
    }

    /// <summary>
    /// Extracts the six batches, wherever they sit in the archive, into temporary files, then renames them into
    /// place only when all six came out: the folder never holds some batches and not others.
    /// </summary>
    private static void Extract(string archivePath, string target)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using (var file = File.OpenRead(archivePath))
            using (var gzip = new GZipStream(file, CompressionMode.Decompress))
            using (var reader = new TarReader(gzip))
            {
                while (reader.GetNextEntry() is { } entry)
                {
                    string name = Path.GetFileName(entry.Name);
                    if (entry.EntryType is (TarEntryType.RegularFile or TarEntryType.V7RegularFile) && Cifar10Files.Batches.Contains(name) && !parts.ContainsKey(name))
                    {
                        parts[name] = Path.Combine(target, $".{name}.{Guid.NewGuid():N}.part");
                        entry.ExtractToFile(parts[name], overwrite: false);
                    }
                }
            }

            var missing = Cifar10Files.Batches.Where(b => !parts.ContainsKey(b)).ToList();
            if (missing.Count > 0)
            {
                throw new TrialSetupException($"cifar10: the downloaded archive holds no {string.Join(", ", missing)}; it is not the CIFAR-10 binary archive");
            }

            foreach (var (name, part) in parts)
            {
                File.Move(part, Path.Combine(target, name), overwrite: true);
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new TrialSetupException($"cifar10: the archive {archivePath} passed its checksums but cannot be extracted ({e.Message}); try again", e);
        }
        finally
        {
            foreach (string part in parts.Values)
            {
                File.Delete(part);
            }
        }
    }

    private static string NotFound(IReadOnlyList<string> searched, CifarArchive archive, string reason)
    {
        string nl = Environment.NewLine;
        return $"cifar10: the CIFAR-10 batches were not found{reason}.{nl}" +
               $"Searched:{nl}{DataDirectories.List(searched)}{nl}" +
               $"Put the six files {string.Join(", ", Cifar10Files.Batches)} (the {Cifar10Files.ArchiveFolder} folder of {archive.Url}, md5 {archive.Md5}) " +
               $"into DIR/{Cifar10Files.Folder}/ (or keep the archive's folder, DIR/{Cifar10Files.ArchiveFolder}/) " +
               "and name DIR with --data-dir DIR or DESCENT_DATA_DIR=DIR (the repository's data/ folder is searched too).";
    }
}
