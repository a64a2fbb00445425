using System.Diagnostics;

namespace Orleans.Faas.Telemetry;

/// <summary>
/// The platform's own spans of a task: placement, the queue wait on the node, getting a container, the run and the
/// history write. A task carries its trace as a W3C <c>traceparent</c>, since its run starts later, on another
/// silo, where no call's context reaches. Without a listener (tracing off) nothing here allocates.
/// </summary>
public static class FaasTracing
{
    public const string SourceName = "Orleans.Faas";

    public const string Placement = "faas.placement";
    public const string QueueWait = "faas.queue_wait";
    public const string Container = "faas.container";
    public const string Run = "faas.run";
    public const string HistoryWrite = "faas.history_write";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// A span under <paramref name="parent"/> (a <c>traceparent</c>), whatever the current span is; under the current
    /// span when the parent is null or not a traceparent. Null when nobody listens.
    /// </summary>
    /// <param name="startTime">When the span began, for one recorded after the fact (a queue wait); now by default.</param>
    public static Activity? StartUnder(string name, string? parent, DateTimeOffset startTime = default)
    {
        if (!Source.HasListeners())
            return null;
        ActivityContext.TryParse(parent, null, out var context);
        return Source.StartActivity(name, ActivityKind.Internal, context, startTime: startTime);
    }

    /// <summary>
    /// A span in the task's trace (<paramref name="taskTrace"/>): under the current span when that belongs to the same
    /// trace (the call that submitted the task), else straight under the task's stored context (a watchdog's retry).
    /// </summary>
    public static Activity? StartInTask(string name, string? taskTrace)
    {
        if (!Source.HasListeners())
            return null;
        var current = Activity.Current;
        var underCurrent = current is not null && ActivityContext.TryParse(taskTrace, null, out var task) && task.TraceId == current.TraceId;
        return StartUnder(name, underCurrent ? null : taskTrace);
    }

    /// <summary>The trace id of a <c>traceparent</c>; null when there is none.</summary>
    public static string? TraceIdOf(string? traceParent) =>
        ActivityContext.TryParse(traceParent, null, out var context) ? context.TraceId.ToHexString() : null;
}
