using Descent.Cli;

namespace Descent.Tests.Support;

/// <summary>Runs the <c>descent</c> command line in-process and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = DescentCommandLine.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
