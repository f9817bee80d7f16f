namespace Descent.Datasets.Images;

/// <summary>
/// MNIST (LeCun, Cortes and Burges): 60,000 training and 10,000 test images of handwritten digits, from the
/// CVDF mirror that TensorFlow Datasets uses, with the SHA-256s it records (url_checksums/mnist.txt).
/// </summary>
public static class MnistFiles
{
    /// <summary>The set.</summary>
    public static IdxImageSet Set { get; } = new(
        Id: "mnist",
        Name: "MNIST",
        Folder: "mnist",
        SystemDirectory: null,
        SystemPackage: null,
        BaseUrl: "https://storage.googleapis.com/cvdf-datasets/mnist/",
        TrainImages: new("train-images-idx3-ubyte.gz", 3, ["440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"]),
        TrainLabels: new("train-labels-idx1-ubyte.gz", 1, ["3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"]),
        TestImages: new("t10k-images-idx3-ubyte.gz", 3, ["8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"]),
        TestLabels: new("t10k-labels-idx1-ubyte.gz", 1, ["f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"]),
        Classes: 10);
}
