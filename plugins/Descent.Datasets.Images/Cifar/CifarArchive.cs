namespace Descent.Datasets.Images;

/// <summary>A published tar.gz archive of CIFAR binary batches and the checksums its download must have.</summary>
/// <param name="Url">Where it is published.</param>
/// <param name="Name">The archive's file name, e.g. <c>cifar-10-binary.tar.gz</c>.</param>
/// <param name="Sha256">SHA-256 of the archive (lower-case hex).</param>
/// <param name="Md5">MD5 of the archive as its publisher lists it (lower-case hex).</param>
public sealed record CifarArchive(Uri Url, string Name, string Sha256, string Md5);
