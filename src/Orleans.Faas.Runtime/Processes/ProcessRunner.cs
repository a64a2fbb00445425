using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Processes.Cgroups;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Runtime.Processes;

/// <summary>
/// Runs a function as a local child process, in the node's <see cref="ProcessSandbox"/>: as its unprivileged user,
/// with the function's environment only, in a working folder of its own, and in a cgroup of its own with the
/// function's CPU, memory and pids limits where the node allows. Folder and cgroup are removed after every run.
/// </summary>
public sealed partial class ProcessRunner(ProcessSandbox sandbox, IOptions<RunnerOptions> options, ILogger<ProcessRunner> logger) : IFunctionRunner
{
    // Output still buffered in the pipes is read after the program ends; a descendant holding them open is not waited for longer.
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    // The run's cgroup, where it has one, is not read for counters; without one, nothing it costs can be told apart from the silo's own work.
    private const string UnmeasuredWhy = "the process runtime does not measure what its runs cost";

    // A process has no container to get; its CPU quota is its cgroup's, where it has one.
    private static readonly RunConditions NoContainer = new(Cold: false, ContainerMs: null, CpuQuota: null);

    public FunctionRuntime Runtime => FunctionRuntime.Process;

    public async Task<ExecutionOutcome> RunAsync(FunctionDefinition function, ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        var folder = RunFolder.Create(sandbox.Account);
        RunCgroup? cgroup = null;
        try
        {
            var limits = RunLimits.For(function, sandbox.Box);
            if (sandbox.Cgroups.UnavailableBecause is null)
                cgroup = sandbox.Cgroups.CreateRun(limits);
            var conditions = cgroup is null ? NoContainer : NoContainer with { CpuQuota = limits.CpuCores };
            return await RunInAsync(function, input, folder, cgroup, conditions, cancellationToken);
        }
        finally
        {
            await CleanUp(folder, cgroup);
        }
    }

    private async Task<ExecutionOutcome> RunInAsync(FunctionDefinition function, ReadOnlyMemory<byte> input, RunFolder folder, RunCgroup? cgroup, RunConditions conditions, CancellationToken cancellationToken)
    {
        var capture = new RunCapture(options.Value);
        var clock = Stopwatch.StartNew();
        using var process = ProcessLauncher.Start(function, folder.Path, sandbox, cgroup);
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
            Metrics: ExecutionMetrics.Unmeasured(UnmeasuredWhy), Conditions: conditions);
    }

    /// <summary>The cgroup first: it kills what outlived the run, which may still be writing in the folder.</summary>
    private async Task CleanUp(RunFolder folder, RunCgroup? cgroup)
    {
        if (cgroup is not null)
        {
            try
            {
                await cgroup.RemoveAsync();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogCgroupLeft(e, cgroup.Path);
            }
        }
        try
        {
            folder.Remove();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogFolderLeft(e, folder.Path);
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cgroup {Cgroup} of a finished process run could not be removed")]
    private partial void LogCgroupLeft(Exception exception, string cgroup);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The working folder {Folder} of a finished process run could not be removed")]
    private partial void LogFolderLeft(Exception exception, string folder);
}
