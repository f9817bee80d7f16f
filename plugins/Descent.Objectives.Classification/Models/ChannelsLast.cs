using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Objectives.Classification;

/// <summary>
/// Images in channels-last memory order (N x H x W x C in memory, still N x C x H x W in shape), which libtorch's
/// CPU convolutions (oneDNN) and max-pooling then keep from layer to layer. TorchSharp 0.107 has no memory-format
/// argument, so the order comes from the strides: libtorch picks each layer's kernel by its input's strides. What
/// it saves is libtorch 2.10's plain-order <c>max_pool2d</c> and oneDNN's reorders around each convolution. A
/// training step at batch 128 on a 2-core Zen 3 machine (forward, backward, float32): <c>cnn-2c2d</c> 155-193 ms
/// channels-last against 205-252 ms in the plain order at 1 thread, 90-97 against 131-142 ms at 2 threads;
/// <c>cnn-3c3d</c> 278-313 against 361-404 ms and 133-173 against 205-242 ms. Only CPU tensors are reordered: the
/// GPU kernels were not measured, and there it gives an alias of the images.
/// </summary>
internal static class ChannelsLast
{
    /// <summary>
    /// The images (N x C x H x W) in channels-last order: a view when C is 1 (both orders then put the same
    /// numbers in the same places; only the strides tell libtorch which it is), otherwise a copy; always a new
    /// tensor, which the caller may dispose.
    /// </summary>
    /// <exception cref="ArgumentException">The images are not 4-dimensional.</exception>
    public static Tensor Of(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4)
        {
            throw new ArgumentException($"images must be N x C x H x W; got shape [{string.Join(", ", images.shape)}]", nameof(images));
        }

        if (images.device_type != DeviceType.CPU)
        {
            return images.alias();
        }

        long n = images.shape[0], c = images.shape[1], h = images.shape[2], w = images.shape[3];

        // For C = 1, permute(0, 2, 3, 1) is already "contiguous" (size-1 dimensions do not count), so
        // contiguous() would keep the plain strides; reshaping to N x H x W x 1 gives the channels-last ones.
        var nhwc = c == 1 ? images.reshape(n, h, w, 1) : images.permute(0, 2, 3, 1).contiguous();
        return nhwc.permute(0, 3, 1, 2);
    }
}
