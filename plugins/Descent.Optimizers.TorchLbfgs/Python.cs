namespace Descent.Optimizers.TorchLbfgs;

/// <summary>Python's <c>min</c> and <c>max</c> of two numbers (the first unless the second is strictly smaller or larger), which the port keeps so ties and NaN go PyTorch's way.</summary>
internal static class Python
{
    /// <summary><c>min(a, b)</c>: <paramref name="b"/> when it is smaller than <paramref name="a"/>, else <paramref name="a"/>.</summary>
    public static double Min(double a, double b) => b < a ? b : a;

    /// <summary><c>max(a, b)</c>: <paramref name="b"/> when it is larger than <paramref name="a"/>, else <paramref name="a"/>.</summary>
    public static double Max(double a, double b) => b > a ? b : a;
}
