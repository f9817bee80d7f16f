using static TorchSharp.torch;

namespace Descent.Optimizers.TorchLbfgs;

/// <summary>
/// What PyTorch's LBFGS keeps between steps (its <c>state</c> dict): counts, the last direction and step, the curvature
/// pairs (s, y) with ρ = 1/yᵀs, the initial inverse-Hessian scale, the last gradient and loss. Its tensors are detached
/// from every dispose scope (<see cref="Keep"/>) and disposed with it.
/// </summary>
internal sealed class LbfgsState : IDisposable
{
    private const int Format = 1;

    /// <summary>Closure calls over every step (PyTorch's <c>func_evals</c>).</summary>
    public long FuncEvals { get; set; }

    /// <summary>Iterations over every step (PyTorch's <c>n_iter</c>); the first one steps along −g.</summary>
    public long NIter { get; set; }

    /// <summary>The last direction, or null before the first iteration.</summary>
    public Tensor? D { get; set; }

    /// <summary>The last step length along <see cref="D"/>.</summary>
    public double T { get; set; }

    /// <summary>Gradient differences y = g_{k+1} − g_k of the kept pairs, oldest first (PyTorch's <c>old_dirs</c>).</summary>
    public List<Tensor> OldDirs { get; } = [];

    /// <summary>Steps s = t·d of the kept pairs, oldest first (PyTorch's <c>old_stps</c>).</summary>
    public List<Tensor> OldStps { get; } = [];

    /// <summary>1/yᵀs of the kept pairs (PyTorch's <c>ro</c>).</summary>
    public List<double> Ro { get; } = [];

    /// <summary>Scale of the initial inverse Hessian, yᵀs/yᵀy of the newest pair (PyTorch's <c>H_diag</c>; 1 before the first).</summary>
    public double HDiag { get; set; } = 1;

    /// <summary>The gradient at the start of the last iteration, or null before the first.</summary>
    public Tensor? PrevFlatGrad { get; set; }

    /// <summary>The loss at the start of the last iteration.</summary>
    public double PrevLoss { get; set; }

    /// <summary>Every tensor the state holds.</summary>
    public IEnumerable<Tensor> Tensors => new[] { D, PrevFlatGrad }.OfType<Tensor>().Concat(OldDirs).Concat(OldStps);

    /// <summary>Detaches every tensor the state now holds from its dispose scope and disposes those of <paramref name="before"/> it no longer holds.</summary>
    public void Keep(IReadOnlyCollection<Tensor> before)
    {
        var now = Tensors.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var tensor in now)
        {
            ((Tensor)tensor!).DetachFromDisposeScope();
        }

        foreach (var tensor in before.Where(t => !now.Contains(t)))
        {
            tensor.Dispose();
        }
    }

    /// <summary>Writes the state (tensors as float64 values, exact for every floating dtype).</summary>
    public void Save(BinaryWriter writer, string owner)
    {
        writer.Write(owner);
        writer.Write(Format);
        writer.Write(FuncEvals);
        writer.Write(NIter);
        writer.Write(T);
        writer.Write(HDiag);
        writer.Write(PrevLoss);
        WriteOptional(writer, D);
        WriteOptional(writer, PrevFlatGrad);
        writer.Write(OldDirs.Count);
        for (int i = 0; i < OldDirs.Count; i++)
        {
            Write(writer, OldDirs[i]);
            Write(writer, OldStps[i]);
            writer.Write(Ro[i]);
        }
    }

    /// <summary>Reads state written by <see cref="Save"/> into this (empty) state, making tensors like <paramref name="like"/>.</summary>
    /// <exception cref="InvalidDataException">Saved by another optimizer, in another format, or for another number of values.</exception>
    public void Load(BinaryReader reader, string owner, Tensor like)
    {
        string type = reader.ReadString();
        if (type != owner)
        {
            throw new InvalidDataException($"Optimizer state was saved by {type}, not by {owner}.");
        }

        int format = reader.ReadInt32();
        if (format != Format)
        {
            throw new InvalidDataException($"Optimizer state format {format} is not supported (expected {Format}).");
        }

        FuncEvals = reader.ReadInt64();
        NIter = reader.ReadInt64();
        T = reader.ReadDouble();
        HDiag = reader.ReadDouble();
        PrevLoss = reader.ReadDouble();
        D = ReadOptional(reader, like);
        PrevFlatGrad = ReadOptional(reader, like);
        int pairs = reader.ReadInt32();
        for (int i = 0; i < pairs; i++)
        {
            OldDirs.Add(Read(reader, like));
            OldStps.Add(Read(reader, like));
            Ro.Add(reader.ReadDouble());
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tensor in Tensors.ToList())
        {
            tensor.Dispose();
        }

        D = null;
        PrevFlatGrad = null;
        OldDirs.Clear();
        OldStps.Clear();
        Ro.Clear();
    }

    private static void WriteOptional(BinaryWriter writer, Tensor? tensor)
    {
        writer.Write(tensor is not null);
        if (tensor is not null)
        {
            Write(writer, tensor);
        }
    }

    private static void Write(BinaryWriter writer, Tensor tensor)
    {
        using var scope = NewDisposeScope();
        var values = tensor.to(ScalarType.Float64, CPU).data<double>().ToArray();
        writer.Write(values.Length);
        foreach (double value in values)
        {
            writer.Write(value);
        }
    }

    private static Tensor? ReadOptional(BinaryReader reader, Tensor like) => reader.ReadBoolean() ? Read(reader, like) : null;

    private static Tensor Read(BinaryReader reader, Tensor like)
    {
        int length = reader.ReadInt32();
        if (length != like.numel())
        {
            throw new InvalidDataException($"Optimizer state holds vectors of {length} values; this optimizer's parameters have {like.numel()}.");
        }

        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = reader.ReadDouble();
        }

        return tensor(values, like.dtype, like.device).DetachFromDisposeScope();
    }
}
