using Descent.Cli;
using Descent.Cli.Hosting;

// Before any thread allocates much: a thread keeps the malloc arena it starts with.
NativeHeap.KeepFreedMemory();

return DescentCommandLine.Run(args, Console.Out, Console.Error);
