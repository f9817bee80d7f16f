namespace Descent.Datasets.Images;

/// <summary>
/// Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017; MIT licence): 60,000 training and 10,000 test images of
/// 10 kinds of clothing, as Zalando Research publishes them. Accepted SHA-256s: the published gzip files
/// (as TensorFlow Datasets records them, url_checksums/fashion_mnist.txt) and Debian's package
/// <c>dataset-fashion-mnist</c>, which holds the same images recompressed.
/// </summary>
public static class FashionMnistFiles
{
    /// <summary>The set.</summary>
    public static IdxImageSet Set { get; } = new(
        Id: "fashion-mnist",
        Name: "Fashion-MNIST",
        Folder: "fashion-mnist",
        SystemDirectory: "/usr/share/datasets/fashion-mnist",
        SystemPackage: "apt-get install dataset-fashion-mnist",
        BaseUrl: "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
        TrainImages: new("train-images-idx3-ubyte.gz", 3,
            ["3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84", "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7"]),
        TrainLabels: new("train-labels-idx1-ubyte.gz", 1,
            ["a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845", "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056"]),
        TestImages: new("t10k-images-idx3-ubyte.gz", 3,
            ["346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073", "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa"]),
        TestLabels: new("t10k-labels-idx1-ubyte.gz", 1,
            ["67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5", "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05"]),
        Classes: 10);
}
