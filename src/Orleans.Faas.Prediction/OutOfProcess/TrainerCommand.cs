using System.Reflection;

namespace Orleans.Faas.Prediction.OutOfProcess;

/// <summary>The command line that starts a model trainer child process: a program and its arguments.</summary>
public sealed record TrainerCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The verb that makes the silo program train a model (<see cref="TrainingCommand"/>) instead of serving.</summary>
    public const string Verb = "train";

    /// <summary>This very program with the <see cref="Verb"/>, started the way this process was.</summary>
    public static TrainerCommand ForThisProgram()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("This process's executable is not known.");
        // Started as `dotnet silo.dll`, the process is the host: the child needs the program's assembly to run the same program.
        if (Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            var program = Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("This program's entry assembly is not known.");
            return new(process, [program, Verb]);
        }
        return new(process, [Verb]);
    }
}
