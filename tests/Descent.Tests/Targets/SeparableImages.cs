using Descent.Contracts;
using Descent.Engine.Trials;
using Descent.Tests.Images;

namespace Descent.Tests.Targets;

/// <summary>
/// A small MNIST-format set a classifier learns in a few dozen steps: 4 x 3 images, image i of label i mod 10 lights
/// pixel (i mod 10) at 200 over a deterministic background ((i * 37 + p * 11) mod 120), so that valid accuracy climbs from
/// chance over the first evaluations. Written with <see cref="IdxWriter"/> into <c>DIR/mnist/</c>.
/// </summary>
public static class SeparableImages
{
    /// <summary>Training images (the last <see cref="ValidRows"/> of them form valid).</summary>
    public const int TrainImages = 700;

    /// <summary>Test images.</summary>
    public const int TestImages = 200;

    /// <summary>The valid split's size.</summary>
    public const int ValidRows = 200;

    /// <summary>Writes the set under <paramref name="directory"/> (the data directory) and returns that directory.</summary>
    public static string Write(string directory)
    {
        string folder = Path.Combine(directory, "mnist");
        Directory.CreateDirectory(folder);
        IdxWriter.Write(folder, "train-images-idx3-ubyte", [TrainImages, 4, 3], Pixels(TrainImages), gzip: false);
        IdxWriter.Write(folder, "train-labels-idx1-ubyte", [TrainImages], IdxWriter.Labels(TrainImages), gzip: false);
        IdxWriter.Write(folder, "t10k-images-idx3-ubyte", [TestImages, 4, 3], Pixels(TestImages), gzip: false);
        IdxWriter.Write(folder, "t10k-labels-idx1-ubyte", [TestImages], IdxWriter.Labels(TestImages), gzip: false);
        return directory;
    }

    /// <summary>Logistic regression with sgd on the set: 500 training images, batch 25, an evaluation every 50 samples, 2 epochs (40 steps, 21 evaluations).</summary>
    public static TrialSpec Spec(long seed = 0) => new()
    {
        Optimizer = "torch-sgd",
        Hyperparameters = new Dictionary<string, string> { ["lr"] = "0.05" },
        Objective = "logistic-regression",
        Dataset = "mnist",
        DatasetArgs = new Dictionary<string, string> { ["valid_rows"] = ValidRows.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        Training = new TrainingSettings(Epochs: 2, BatchSize: 25) { EvalEvery = 50 },
        Seed = seed,
    };

    /// <summary>The pixels: 200 at pixel (i mod 10) of image i, else (i * 37 + p * 11) mod 120.</summary>
    public static byte[] Pixels(int images) =>
        Enumerable.Range(0, images * 12).Select(k => (byte)(k % 12 == (k / 12) % 10 ? 200 : ((k / 12) * 37 + (k % 12) * 11) % 120)).ToArray();

    /// <summary>The valid evaluations of a result, in order.</summary>
    public static Evaluation[] Valid(TrialResult result) => result.Evaluations.Where(e => e.Split == SplitNames.Valid).ToArray();
}
