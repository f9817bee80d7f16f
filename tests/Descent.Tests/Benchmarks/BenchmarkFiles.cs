namespace Descent.Tests.Benchmarks;

/// <summary>Small benchmark files for the tests: analytic workloads of a few steps, so a whole protocol runs in seconds.</summary>
internal static class BenchmarkFiles
{
    public const string Tiny = """
        name: NAME
        description: two analytic workloads, sgd and momentum
        seed: 0
        workloads:
          - name: quadratic
            objective: quadratic2d
            training: { steps: STEPS }
            target: { metric: loss, goal: minimize, value: 0.01 }
          - name: rosenbrock
            objective: { id: rosenbrock }
            training: { steps: STEPS }
            target: { metric: loss, goal: minimize, value: 0.5 }
        optimizers:
          - id: sgd
            hyperparameters: { lr: { loguniform: [0.0001, 0.01] } }
          - id: momentum
            hyperparameters: { lr: { loguniform: [0.0001, 0.01] }, momentum: { uniform: [0.5, 0.95] } }
        protocol:
          search: quasirandom
          trials: 4
          studies: 2
          rerun_seeds: [100, 101]
        """;

    public static string Text(string name = "tiny", int steps = 20) =>
        Tiny.Replace("NAME", name).Replace("STEPS", steps.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
