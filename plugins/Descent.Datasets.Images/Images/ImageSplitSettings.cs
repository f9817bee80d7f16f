namespace Descent.Datasets.Images;

/// <summary>How an image dataset is cut into splits and scaled (the common options of the image datasets).</summary>
/// <param name="TrainRows">Training images kept, the first ones after the carve-out; 0 keeps all.</param>
/// <param name="ValidRows">The last this many training images become <c>valid</c>; 0: no validation split.</param>
/// <param name="TestRows">Test images kept, the first ones; 0 keeps all.</param>
/// <param name="Scale">Divide the byte values by 255.</param>
/// <param name="Standardize">Per channel mean 0 and std 1 over the training split, its statistics applied to every split.</param>
public sealed record ImageSplitSettings(int TrainRows, int ValidRows, int TestRows, bool Scale, bool Standardize);
