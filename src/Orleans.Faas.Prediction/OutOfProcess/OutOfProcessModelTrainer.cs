using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Orleans.Faas.Models;
using Orleans.Faas.Prediction.Training;

namespace Orleans.Faas.Prediction.OutOfProcess;

/// <summary>
/// Trains in a child process at the lowest priority (nice 19), so FastTree's garbage collections and CPU stay out of the
/// silo: the request goes to the child's standard input as JSON, the outcome comes back on its standard output,
/// and what it writes to standard error is logged. Cancelling kills the child.
/// </summary>
/// <param name="command">The child's command line, usually <see cref="TrainerCommand.ForThisProgram"/>.</param>
public sealed partial class OutOfProcessModelTrainer(TrainerCommand command, TrainingSettings settings, ILogger<OutOfProcessModelTrainer> logger)
    : IModelTrainer
{
    /// <summary>How many of the child's last error lines a <see cref="TrainerFailedException"/> carries.</summary>
    public const int ErrorTailLines = 20;

    public async Task<TrainingOutcome> TrainAsync(IReadOnlyList<TrainingRow> rows, StoredModel? incumbent, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var child = Process.Start(StartInfo()) ?? throw new InvalidOperationException($"{command.FileName} did not start.");
        LowerPriority(child);
        LogStarted(rows.Count, child.Id);
        try
        {
            var errorTail = ForwardErrorsAsync(child.StandardError);
            using var output = new MemoryStream();
            var reading = child.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
            await WriteRequestAsync(child, new TrainingRequest(rows, incumbent, settings), cancellationToken);
            await child.WaitForExitAsync(cancellationToken);
            await reading;
            var tail = await errorTail;
            if (child.ExitCode != 0)
                throw new TrainerFailedException(child.ExitCode, tail);
            if (output.Length == 0)
                throw new InvalidDataException("The model trainer exited without writing an outcome.");
            output.Position = 0;
            return await JsonSerializer.DeserializeAsync<TrainingOutcome>(output, TrainingJson.Options, cancellationToken)
                ?? throw new InvalidDataException("The model trainer wrote a null outcome.");
        }
        finally
        {
            // Cancelled, or the exchange broke: a child left running would train for nobody.
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    private ProcessStartInfo StartInfo()
    {
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
            start.ArgumentList.Add(argument);
        return start;
    }

    private static void LowerPriority(Process child)
    {
        try
        {
            // The lowest: on a small node even nice 10 let training push a silo's grain-call p99 past twice its idle one
            // (scripts/bench.sh training). Set at once, while the child still loads its runtime: on Linux a nice value belongs to a thread, and
            // the threads the child makes later inherit it from its main thread.
            child.PriorityClass = ProcessPriorityClass.Idle;
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception && child.HasExited)
        {
            // Already gone: its exit code tells what happened.
        }
    }

    private static async Task WriteRequestAsync(Process child, TrainingRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await JsonSerializer.SerializeAsync(child.StandardInput.BaseStream, request, TrainingJson.Options, cancellationToken);
            child.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child stopped reading, which only a child that failed does: its exit code and errors tell why.
        }
    }

    private async Task<IReadOnlyList<string>> ForwardErrorsAsync(StreamReader errors)
    {
        var tail = new Queue<string>(ErrorTailLines);
        while (await errors.ReadLineAsync() is { } line)
        {
            LogChildError(line);
            if (tail.Count == ErrorTailLines)
                tail.Dequeue();
            tail.Enqueue(line);
        }
        return [.. tail];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training a runtime model on {Rows} rows in child process {ProcessId}")]
    private partial void LogStarted(int rows, int processId);

    // A child that trains normally writes nothing to its error stream.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Model trainer: {Line}")]
    private partial void LogChildError(string line);
}
