using Descent.Contracts;

namespace Descent.Datasets.Images;

/// <summary>
/// CIFAR-10 (<see cref="Cifar10Files"/>) as a dataset with splits: the five training batches in order, of which
/// the last <c>valid_rows</c> images form <c>valid</c> and the first <c>train_rows</c> of the others <c>train</c>;
/// the test batch is <c>test</c>. Features N x 3 x 32 x 32 (CHW, red green blue) in the trial's dtype, labels
/// int64. Every batch file is checked whole before any tensor is made.
/// </summary>
public sealed class Cifar10Dataset : ImageSplitDataset
{
    private static readonly long[] Shape = [3, 32, 32];

    /// <summary>Loads the set for a trial.</summary>
    /// <exception cref="TrialSetupException">A batch is missing or damaged, or the options ask for more images than there are.</exception>
    public Cifar10Dataset(Cifar10Options options, TrialContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var archive = options.Url.Length == 0 ? Cifar10Files.Archive : Cifar10Files.Archive with { Url = new Uri(options.Url) };
        string folder = Cifar10Source.Locate(context.Data, archive);
        var train = Cifar10Files.TrainBatches.Select(b => Load(Path.Combine(folder, b))).ToList();
        var test = Load(Path.Combine(folder, Cifar10Files.TestBatch));
        var built = ImageSplits.Build(
            "cifar10",
            new ImagePixels(Concat(train.Select(b => b.Batch.Pixels)), Concat(train.Select(b => b.Batch.Labels)), "the training batches"),
            new ImagePixels(test.Batch.Pixels, test.Batch.Labels, "the test batch"),
            Shape,
            options.Splits,
            context);
        Splits = built.Splits;
        string files = string.Join(", ", train.Append(test).Select(b => $"{b.Path} (sha256 {b.Batch.Sha256})"));
        Description = new DatasetDescription(
            DatasetTask.Classification,
            Cifar10Files.Classes,
            Shape,
            Splits.ToDictionary(s => s.Name, s => s.Rows),
            $"CIFAR-10 (binary version): {files}; {built.Layout}");
        Info = new DatasetInfo(
            "CIFAR-10",
            (int)Splits[0].Rows,
            Enumerable.Range(0, 3 * 32 * 32).Select(i => $"{"rgb"[i / 1024]}{i % 1024}").ToArray(),
            "class",
            folder,
            train[0].Batch.Sha256);
    }

    private static byte[] Concat(IEnumerable<byte[]> parts)
    {
        var list = parts.ToList();
        var all = new byte[list.Sum(p => (long)p.Length)];
        long offset = 0;
        foreach (var part in list)
        {
            part.CopyTo(all, offset);
            offset += part.Length;
        }

        return all;
    }

    private static (string Path, CifarBatch Batch) Load(string path)
    {
        try
        {
            return (path, CifarBatchFile.Get(path, Cifar10Files.Classes));
        }
        catch (CifarFormatException e)
        {
            throw new TrialSetupException(
                $"cifar10: {e.Message}. Replace it with {Path.GetFileName(path)} from the {Cifar10Files.ArchiveFolder} folder of {Cifar10Files.Archive.Url}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrialSetupException($"cifar10: cannot read {path}: {e.Message}", e);
        }
    }
}
