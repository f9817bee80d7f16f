using Descent.Cli;

return DescentCommandLine.Run(args, Console.Out, Console.Error);
