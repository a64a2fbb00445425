using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Runtime.Processes;

/// <summary>
/// Runs a function as a local child process. Its CPU and memory limits do not apply here: a plain process has no cgroup of its own.
/// </summary>
public sealed partial class ProcessRunner(IOptions<RunnerOptions> options, ILogger<ProcessRunner> logger) : IFunctionRunner
{
    // Output still buffered in the pipes is read after the program ends; a descendant holding them open is not waited for longer.
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    // A process shares the silo's cgroup, so nothing it costs can be told apart from the node's own work.
    private const string UnmeasuredWhy = "a process function has no cgroup of its own to count in";

    // A process has no container to get and no quota to run under.
    private static readonly RunConditions NoContainer = new(Cold: false, ContainerMs: null, CpuQuota: null);

    public FunctionRuntime Runtime => FunctionRuntime.Process;

    public async Task<ExecutionOutcome> RunAsync(FunctionDefinition function, ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        var capture = new RunCapture(options.Value);
        var clock = Stopwatch.StartNew();
        using var process = ProcessLauncher.Start(function);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(function.Timeout);
        using var drainStop = new CancellationTokenSource();

        var feeding = FeedAsync(process, input, deadline.Token);
        var reading = Task.WhenAll(
            capture.Stdout.DrainAsync(process.StandardOutput.BaseStream, drainStop.Token),
            capture.Stderr.DrainAsync(process.StandardError.BaseStream, drainStop.Token));
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            timedOut = !process.HasExited;
        }
        finally
        {
            if (!process.HasExited)
            {
                KillTree(process);
                if (!cancellationToken.IsCancellationRequested)
                    LogTimedOut(function.Name, function.Timeout);
            }
            drainStop.CancelAfter(DrainGrace);
            await Settle(feeding, reading, process);
        }
        clock.Stop();

        cancellationToken.ThrowIfCancellationRequested();
        int? exitCode = timedOut ? null : process.ExitCode;
        return new ExecutionOutcome(exitCode, capture.Stdout.ToArray(), capture.Logs(), timedOut, clock.Elapsed, capture.Stdout.Truncated,
            Metrics: ExecutionMetrics.Unmeasured(UnmeasuredWhy), Conditions: NoContainer);
    }

    private static async Task FeedAsync(Process process, ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(input, cancellationToken);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The program ended or stopped reading before taking all of its input; that is its choice, not our failure.
        }
        finally
        {
            try
            {
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Closing a pipe whose reader is gone reports a broken pipe; the pipe is closed all the same.
            }
        }
    }

    private static async Task Settle(Task feeding, Task reading, Process process)
    {
        await feeding;
        try
        {
            await reading;
        }
        catch (OperationCanceledException)
        {
            // A descendant kept the pipes open past the grace; what was read so far is kept.
        }
        await process.WaitForExitAsync(CancellationToken.None);
    }

    private void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        catch (AggregateException e)
        {
            LogKillIncomplete(e, process.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} ran past its timeout of {Timeout}; its process tree was killed")]
    private partial void LogTimedOut(string function, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Some processes in the tree of {ProcessId} could not be killed")]
    private partial void LogKillIncomplete(Exception exception, int processId);
}
