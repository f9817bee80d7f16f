using Spectre.Console;

namespace Descent.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, warnings and errors to <see cref="Error"/>.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error)
{
    /// <summary>Results (JSON goes here alone).</summary>
    public TextWriter Out { get; } = output;

    /// <summary>Warnings, errors, progress.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Spectre.Console over <see cref="Out"/>, for tables.</summary>
    public IAnsiConsole Rich { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output),
        Ansi = output == Console.Out && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = output == Console.Out && !Console.IsOutputRedirected ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });

    /// <summary>Writes <c>warning: ...</c> to the error stream.</summary>
    public void Warn(string message) => Error.WriteLine($"warning: {message}");

    /// <summary>Writes <c>error: ...</c> to the error stream.</summary>
    public void Fail(string message) => Error.WriteLine($"error: {message}");
}
