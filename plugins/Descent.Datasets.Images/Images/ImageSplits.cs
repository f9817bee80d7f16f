using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Datasets.Images;

/// <summary>
/// The splits of an image dataset with a training and a test part: <c>train</c> (the first <c>train_rows</c> of
/// the training images left after the last <c>valid_rows</c> are carved off as <c>valid</c>), <c>valid</c> and
/// <c>test</c> (the first <c>test_rows</c>); features N x C x H x W in the trial's dtype and device (divided by
/// 255 when scaling, then standardized per channel with the training split's mean and population standard
/// deviation when asked), labels int64.
/// </summary>
public sealed class ImageSplits
{
    private ImageSplits(DataSplit[] splits, string layout)
    {
        Splits = splits;
        Layout = layout;
    }

    /// <summary>The splits, <c>train</c> first; the tensors belong to the caller (detached from any scope).</summary>
    public DataSplit[] Splits { get; }

    /// <summary>How the splits were cut and scaled, in words, for the provenance.</summary>
    public string Layout { get; }

    /// <summary>Cuts and converts the images.</summary>
    /// <param name="id">The dataset's id, for messages.</param>
    /// <param name="train">The training images.</param>
    /// <param name="test">The test images.</param>
    /// <param name="shape">One image's shape, C x H x W.</param>
    /// <param name="settings">The options.</param>
    /// <param name="context">The trial (dtype and device).</param>
    /// <exception cref="TrialSetupException">The options ask for more images than there are.</exception>
    public static ImageSplits Build(string id, ImagePixels train, ImagePixels test, long[] shape, ImageSplitSettings settings, TrialContext context)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        int total = train.Count;
        if (settings.ValidRows >= total)
        {
            throw new TrialSetupException($"{id}: valid_rows = {settings.ValidRows}, but {train.Source} hold {total} images; set it below {total}");
        }

        int available = total - settings.ValidRows;
        if (settings.TrainRows > available)
        {
            throw new TrialSetupException(
                $"{id}: train_rows = {settings.TrainRows}, but {available} training images are left after valid_rows = {settings.ValidRows}; set train_rows to at most {available}");
        }

        int trainRows = settings.TrainRows == 0 ? available : settings.TrainRows;
        int testTotal = test.Count;
        if (settings.TestRows > testTotal)
        {
            throw new TrialSetupException($"{id}: test_rows = {settings.TestRows}, but {test.Source} hold {testTotal} images; set test_rows to at most {testTotal}");
        }

        int testRows = settings.TestRows == 0 ? testTotal : settings.TestRows;
        DataSplit[] splits;
        using (var scope = NewDisposeScope())
        {
            var trainImages = Images(train.Pixels, 0, trainRows, shape, settings.Scale, context.DType);
            var validImages = Images(train.Pixels, available, settings.ValidRows, shape, settings.Scale, context.DType);
            var testImages = Images(test.Pixels, 0, testRows, shape, settings.Scale, context.DType);
            if (settings.Standardize)
            {
                var mean = trainImages.mean([0, 2, 3], keepdim: true);
                var std = trainImages.std([0, 2, 3], unbiased: false, keepdim: true);
                trainImages = trainImages.sub(mean).div_(std);
                validImages = validImages.sub(mean).div_(std);
                testImages = testImages.sub(mean).div_(std);
            }

            var list = new List<DataSplit> { Split(SplitNames.Train, trainImages, train.Labels, 0, trainRows, context) };
            if (settings.ValidRows > 0)
            {
                list.Add(Split(SplitNames.Valid, validImages, train.Labels, available, settings.ValidRows, context));
            }

            list.Add(Split(SplitNames.Test, testImages, test.Labels, 0, testRows, context));
            splits = list.ToArray();
            foreach (var split in splits)
            {
                split.Features.DetachFromDisposeScope();
                split.Labels.DetachFromDisposeScope();
            }
        }

        string layout =
            $"valid = the last {settings.ValidRows} training images, train = the first {trainRows} of the other {available}, test = the first {testRows} of {testTotal}" +
            $"{(settings.Scale ? ", scaled to [0, 1]" : "")}{(settings.Standardize ? ", standardized per channel with the training split's mean and std" : "")}";
        return new ImageSplits(splits, layout);
    }

    /// <summary>The images as N x C x H x W in <paramref name="dtype"/>, divided by 255 in that dtype (as torchvision's ToTensor does in float32).</summary>
    private static Tensor Images(byte[] values, int first, int count, long[] shape, bool scale, ScalarType dtype)
    {
        long size = shape.Aggregate(1L, (a, b) => a * b);
        var bytes = tensor(values.AsSpan((int)(first * size), (int)(count * size)).ToArray(), dtype: ScalarType.Byte);
        var floats = bytes.to_type(dtype).reshape([count, .. shape]);
        if (!scale)
        {
            return floats;
        }

        // A Scalar held through the call, not div_(255)'s temporary (HeldScalars in the contracts says why).
        using var full = 255.ToScalar();
        return floats.div_(full);
    }

    private static DataSplit Split(string name, Tensor images, byte[] labels, int first, int count, TrialContext context)
    {
        var features = images.to(context.DType, context.Device);
        var classes = tensor(labels.AsSpan(first, count).ToArray(), dtype: ScalarType.Byte).to_type(ScalarType.Int64).to(context.Device);
        return new DataSplit(name, features, classes);
    }
}
