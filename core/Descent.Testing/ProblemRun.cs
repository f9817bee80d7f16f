using Descent.Contracts;
using Descent.Testing.Problems;
using static TorchSharp.torch;

namespace Descent.Testing;

/// <summary>An optimizer over fresh parameters of a problem; disposes both.</summary>
internal sealed class ProblemRun : IDisposable
{
    public ProblemRun(OptimizerHarness harness, TestProblem problem, ScalarType dtype, object options, double[]? start = null)
    {
        Parameters = problem.CreateParameters(dtype);
        if (start is not null)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            int offset = 0;
            foreach (var parameter in Parameters)
            {
                int count = (int)parameter.numel();
                parameter.copy_(tensor(start[offset..(offset + count)], dtype: ScalarType.Float64).reshape(parameter.shape).to_type(dtype));
                offset += count;
            }
        }

        try
        {
            Optimizer = harness.Create(options, Parameters, dtype);
        }
        catch
        {
            DisposeParameters();
            throw;
        }
    }

    public ParameterSet Parameters { get; }

    public IOptimizer Optimizer { get; }

    public void Dispose()
    {
        Optimizer.Dispose();
        DisposeParameters();
    }

    private void DisposeParameters()
    {
        foreach (var parameter in Parameters)
        {
            parameter.grad?.Dispose();
            parameter.Dispose();
        }
    }
}
