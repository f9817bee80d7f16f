using Descent.Contracts;
using Descent.Tests.Support;
using static TorchSharp.torch;

namespace Descent.Tests.Quadratic;

/// <summary>
/// DeepOBS's quadratic_deep (deepobs/pytorch/testproblems/quadratic_deep.py, net_quadratic_deep): loss
/// 0.5 (θ - x)^T H (θ - x) averaged over the batch, H = R^T diag(λ) R with 90 % of λ in [0, 1) and 10 % in
/// [30, 60), θ = 1 at the start. H is read through the objective's contract (gradients at θ = e_j).
/// </summary>
public sealed class NoisyQuadraticTests
{
    [Test]
    public void The_Hessians_spectrum_is_the_drawn_design_after_the_rotation()
    {
        using var probe = QuadraticProbe.Open();
        var h = probe.HessianFromGradients();

        // The documented draw: from one CPU generator seeded by Derive(hessian_seed, "noisy-quadratic/hessian"),
        // 90 uniforms for the small eigenvalues, then 10 for the large ones (30 + 30 u).
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)SeedSequence.Derive(42, "noisy-quadratic/hessian"), CPU);
        var small = rand(90, dtype: ScalarType.Float64, generator: generator).data<double>().ToArray();
        var large = rand(10, dtype: ScalarType.Float64, generator: generator).data<double>().Select(u => 30 + (30 * u)).ToArray();
        var design = small.Concat(large).Order().ToArray();
        var spectrum = linalg.eigvalsh(tensor(Flatten(h), [100, 100], ScalarType.Float64)).data<double>().ToArray();

        // eigvalsh in float64 is backward stable: errors about 100 * 2^-52 * 60 = 1.3e-12; 1e-9 leaves room.
        Assert.That(spectrum, Is.EqualTo(design).Within(1e-9));
        Assert.That(spectrum.Count(l => l is >= 0 and < 1), Is.EqualTo(90));
        Assert.That(spectrum.Count(l => l is >= 30 and < 60), Is.EqualTo(10));
        // A rotated diagonal: H is full, not diagonal.
        Assert.That(h[0, 1], Is.Not.Zero);
    }

    [Test]
    public void The_Hessian_is_exactly_symmetric_and_positive_semidefinite()
    {
        using var probe = QuadraticProbe.Open(("f.dim", "20"), ("d.dim", "20"), ("f.hessian_seed", "5"));
        var h = probe.HessianFromGradients();

        for (int i = 0; i < 20; i++)
        {
            for (int j = 0; j < i; j++)
            {
                Assert.That(h[i, j], Is.EqualTo(h[j, i]), $"H[{i},{j}]");
            }
        }

        using var scope = NewDisposeScope();
        double smallest = linalg.eigvalsh(tensor(Flatten(h), [20, 20], ScalarType.Float64)).min().item<double>();
        Assert.That(smallest, Is.GreaterThanOrEqualTo(0), "every eigenvalue is drawn from [0, 1) or [30, 60)");
    }

    [Test]
    public void Equal_hessian_seeds_give_bit_identical_Hessians_and_another_seed_another()
    {
        double[,] a, b, c;
        using (var probe = QuadraticProbe.Open(("f.dim", "10"), ("d.dim", "10"), ("f.hessian_seed", "3")))
        {
            a = probe.HessianFromGradients();
        }

        using (var probe = QuadraticProbe.Open(("f.dim", "10"), ("d.dim", "10"), ("f.hessian_seed", "3"), ("d.noise_seed", "9")))
        {
            b = probe.HessianFromGradients();
        }

        using (var probe = QuadraticProbe.Open(("f.dim", "10"), ("d.dim", "10"), ("f.hessian_seed", "4")))
        {
            c = probe.HessianFromGradients();
        }

        Assert.That(Flatten(b), Is.EqualTo(Flatten(a)));
        Assert.That(Flatten(c).Zip(Flatten(a)).Count(p => p.First == p.Second), Is.Zero);
    }

    [Test]
    public void Theta_starts_at_ones_as_DeepOBSs_net_quadratic_deep()
    {
        using var probe = QuadraticProbe.Open();

        Assert.That(probe.Objective.Parameters.Names, Is.EqualTo(new[] { "theta" }));
        Assert.That(probe.Theta.data<double>().ToArray(), Is.EqualTo(Enumerable.Repeat(1.0, 100)));
    }

    [Test]
    public void The_loss_at_theta_equal_to_every_sample_is_zero()
    {
        using var probe = QuadraticProbe.Open(("f.dim", "3"), ("d.dim", "3"));
        double[] theta = [0.5, -1, 2];
        probe.SetTheta(theta);

        Assert.That(probe.Loss(theta, theta, theta), Is.Zero);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Assert.That(probe.Objective.MetricSums(QuadraticProbe.Batch([theta])).data<double>().ToArray(), Is.EqualTo(new[] { 0.0 }));
    }

    [Test]
    public void Loss_and_gradient_on_three_dimensions_are_the_mean_quadratic_form_and_H_times_theta_minus_mean_x()
    {
        using var probe = QuadraticProbe.Open(("f.dim", "3"), ("d.dim", "3"));
        double[] theta = [0.5, -1, 2];
        probe.SetTheta(theta);
        var h = HessianFromLosses(probe, theta);
        var x = new double[4][];
        using (var scope = NewDisposeScope())
        {
            var rows = probe.Dataset.Features.narrow(0, 0, 4).data<double>().ToArray();
            for (int r = 0; r < 4; r++)
            {
                x[r] = rows[(3 * r)..(3 * (r + 1))];
            }
        }

        // By hand: d = θ - mean x, gradient = H d; loss = mean over rows of 0.5 q^T H q with q = θ - x.
        var d = Enumerable.Range(0, 3).Select(i => theta[i] - x.Average(r => r[i])).ToArray();
        var expectedGradient = Enumerable.Range(0, 3).Select(i => Enumerable.Range(0, 3).Sum(j => h[i, j] * d[j])).ToArray();
        double expectedLoss = x.Average(r =>
        {
            var q = Enumerable.Range(0, 3).Select(i => theta[i] - r[i]).ToArray();
            return 0.5 * Enumerable.Range(0, 3).Sum(i => Enumerable.Range(0, 3).Sum(j => q[i] * h[i, j] * q[j]));
        });

        using var tensors = NewDisposeScope();
        var gradient = probe.Gradient(QuadraticProbe.Batch(x));
        // H comes from differences of float64 losses of size <= 60: errors near 60 * 2^-52 ~ 1e-14 per entry.
        Assert.That(gradient, Is.EqualTo(expectedGradient).Within(1e-12));
        Assert.That(probe.Loss(x), Is.EqualTo(expectedLoss).Within(1e-12));
    }

    [Test]
    public void A_dataset_of_another_dimension_is_refused_naming_both_plugins_and_both_sizes()
    {
        var spec = QuadraticProbe.Spec("sgd", ("d.dim", "50"));

        var error = Assert.Throws<TrialSetupException>(() => TestEngine.Run(spec))!;

        Assert.That(error.Message, Does.StartWith("objective 'noisy-quadratic' does not fit dataset 'quadratic-noise': the objective expects a regression dataset with inputs [100]")
            .And.Contain("but the dataset gives inputs [50]"));
    }

    /// <summary>
    /// H from forward losses alone (no autograd) on one-sample batches: L(θ - e_i) = H_ii / 2 and
    /// L(θ - e_i - e_j) = (H_ii + H_jj) / 2 + H_ij.
    /// </summary>
    private static double[,] HessianFromLosses(QuadraticProbe probe, double[] theta)
    {
        int n = theta.Length;
        double[] Shifted(params int[] axes) => theta.Select((t, k) => t - axes.Count(a => a == k)).ToArray();
        var h = new double[n, n];
        var diagonal = Enumerable.Range(0, n).Select(i => probe.Loss(Shifted(i))).ToArray();
        for (int i = 0; i < n; i++)
        {
            h[i, i] = 2 * diagonal[i];
            for (int j = 0; j < i; j++)
            {
                h[i, j] = h[j, i] = probe.Loss(Shifted(i, j)) - diagonal[i] - diagonal[j];
            }
        }

        return h;
    }

    private static double[] Flatten(double[,] m) => m.Cast<double>().ToArray();
}
