using Orleans.Faas.Runtime.Docker;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Runtime.Agent;

/// <summary>Turns the agent's report on a run into the outcome a task finishes with.</summary>
internal static class AgentOutcomes
{
    // The shell convention for "ended by signal N", which is also what the engine reports for a killed container.
    private const int SignalExitBase = 128;

    public static ExecutionOutcome Of(ContainerRun run, RunCapture capture, TimeSpan wallTime, RunConditions conditions)
    {
        var report = run.Report;
        return new(
            report.ExitCodeOrNull ?? SignalExitBase + report.Signal,
            capture.Stdout.ToArray(),
            capture.Logs(),
            TimedOut: false,
            wallTime,
            capture.Stdout.Truncated,
            LimitHitBy(report.Flags),
            new ExecutionMetrics(
                report.CpuNanoseconds >= 0 ? report.CpuNanoseconds / 1e6 : null,
                Measured(report.PeakResidentBytes),
                Measured(report.ReadBytes),
                Measured(report.WriteBytes),
                run.LlcReferences,
                run.LlcMisses,
                run.CacheCountersUnavailable),
            conditions,
            report.Exception);
    }

    /// <summary>A run the agent never reported on, because its container was killed: what it wrote so far, and why nothing was measured.</summary>
    public static ExecutionOutcome Unreported(
        RunCapture capture, TimeSpan wallTime, RunConditions conditions, bool timedOut, string? limitHit, string why) => new(
        null,
        capture.Stdout.ToArray(),
        capture.Logs(),
        timedOut,
        wallTime,
        capture.Stdout.Truncated,
        limitHit,
        ExecutionMetrics.Unmeasured(why),
        conditions);

    private static string? LimitHitBy(AgentFlags flags) =>
        flags.HasFlag(AgentFlags.OutOfMemory) ? FailureReasons.OutOfMemory
        : flags.HasFlag(AgentFlags.PidsLimit) ? FailureReasons.PidsLimit
        : null;

    private static long? Measured(long value) => value >= 0 ? value : null;
}
