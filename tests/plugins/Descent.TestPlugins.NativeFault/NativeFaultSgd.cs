using Descent.Contracts;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.TestPlugins.NativeFault;

/// <summary>SGD that breaks at its third step: a segmentation fault in native code.</summary>
public sealed class NativeFaultSgd : SlotOptimizer
{
    private readonly Scalar lr;
    private int updates;

    public NativeFaultSgd(NativeFaultSgdOptions options, ParameterSet parameters)
        : base(parameters, 0)
    {
        lr = Hold(options.Lr);
    }

    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        if (++updates == 3)
        {
            Memset(new IntPtr(16), 1, (UIntPtr)4096); // a bad address, written by native code: SIGSEGV
        }

        parameter.sub_(gradient.mul(lr));
    }

    [DllImport("libc", EntryPoint = "memset")]
    private static extern IntPtr Memset(IntPtr destination, int value, UIntPtr count);
}

public sealed class NativeFaultSgdOptions
{
    [Hyperparameter("lr")]
    public double Lr { get; set; } = 0.1;
}

public sealed class NativeFaultSgdPlugin() : OptimizerPlugin<NativeFaultSgd, NativeFaultSgdOptions>("native-fault-sgd", "1.0.0", "SGD that breaks at its third step: a segmentation fault in native code");
