using Descent.Contracts;

namespace Descent.Datasets.Images;

/// <summary>
/// An IDX image set as a dataset with splits: <c>train</c> (the first <c>train_rows</c> of the training
/// images left after the last <c>valid_rows</c> are carved off as <c>valid</c>) and <c>test</c>; features
/// N x 1 x 28 x 28 in the trial's dtype (grey values scaled to [0, 1] unless <c>scale</c> is off, then
/// standardized with the training split's mean and standard deviation when <c>standardize</c> is on), labels
/// int64 class indices. Every file is checked whole (magic number, size, counts, labels below the number of
/// classes) before any tensor is made.
/// </summary>
public abstract class IdxImageDataset : ImageSplitDataset
{

    /// <summary>Loads the set for a trial.</summary>
    /// <exception cref="TrialSetupException">A file is missing, damaged or inconsistent, or the options ask for more images than there are.</exception>
    protected IdxImageDataset(IdxImageSet set, ImageDatasetOptions options, TrialContext context)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        if (options.Url.Length > 0)
        {
            set = set with { BaseUrl = options.Url.EndsWith('/') ? options.Url : options.Url + "/" };
        }

        var (trainImages, trainLabels) = Read(set, set.TrainImages, set.TrainLabels, context.Data);
        var (testImages, testLabels) = Read(set, set.TestImages, set.TestLabels, context.Data);
        int height = trainImages.Array.Dimensions[1], width = trainImages.Array.Dimensions[2];
        if (testImages.Array.Dimensions[1] != height || testImages.Array.Dimensions[2] != width)
        {
            throw new TrialSetupException(
                $"{set.Id}: {trainImages.Path} holds {height} x {width} images but {testImages.Path} holds " +
                $"{testImages.Array.Dimensions[1]} x {testImages.Array.Dimensions[2]}: the files are from different sets");
        }

        long[] shape = [1, height, width];
        int size = height * width;
        var built = ImageSplits.Build(
            set.Id,
            new ImagePixels(trainImages.Array.Values, trainLabels.Array.Values, "the training files"),
            new ImagePixels(testImages.Array.Values, testLabels.Array.Values, "the test files"),
            shape,
            new ImageSplitSettings(options.TrainRows, options.ValidRows, options.TestRows, options.Scale, options.Standardize),
            context);
        Splits = built.Splits;
        string provenance =
            $"{set.Name}: {string.Join(", ", new[] { trainImages, trainLabels, testImages, testLabels }.Select(f => $"{f.Path} (sha256 {f.Array.Sha256})"))}; {built.Layout}";
        Description = new DatasetDescription(
            DatasetTask.Classification,
            set.Classes,
            shape,
            Splits.ToDictionary(s => s.Name, s => s.Rows),
            provenance);
        Info = new DatasetInfo(
            set.Name,
            (int)Splits[0].Rows,
            Enumerable.Range(0, size).Select(i => $"pixel{i}").ToArray(),
            "class",
            Path.GetDirectoryName(trainImages.Path),
            trainImages.Array.Sha256);
    }

    private static ((string Path, IdxArray Array) Images, (string Path, IdxArray Array) Labels) Read(
        IdxImageSet set, IdxFileSpec imagesSpec, IdxFileSpec labelsSpec, DataLocations data)
    {
        var images = Load(set, imagesSpec, data);
        var labels = Load(set, labelsSpec, data);
        if (images.Array.Count != labels.Array.Count)
        {
            throw new TrialSetupException(
                $"{set.Id}: {images.Path} holds {images.Array.Count} images but {labels.Path} holds {labels.Array.Count} labels; " +
                "the counts must agree: replace the damaged file with the published one");
        }

        int bad = Array.FindIndex(labels.Array.Values, v => v >= set.Classes);
        if (bad >= 0)
        {
            throw new TrialSetupException(
                $"{set.Id}: {labels.Path}: label {bad} is {labels.Array.Values[bad]}, but the set has {set.Classes} classes (0 to {set.Classes - 1}); the file is damaged");
        }

        return (images, labels);
    }

    private static (string Path, IdxArray Array) Load(IdxImageSet set, IdxFileSpec spec, DataLocations data)
    {
        string path = IdxFileSource.Locate(set, spec, data);
        try
        {
            return (path, IdxArrayCache.Get(path, spec.Dimensions));
        }
        catch (IdxFormatException e)
        {
            throw new TrialSetupException($"{set.Id}: {e.Message}. Replace the file with the published {spec.Name} from {set.BaseUrl}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrialSetupException($"{set.Id}: cannot read {path}: {e.Message}", e);
        }
    }
}
