using System.Text;
using System.Text.Json.Serialization;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Gateway.Compat.ChainFaas;

/// <summary>
/// What ChainFaaS's <c>run_service</c> answered (<c>result</c>, <c>providing_time</c>, <c>pull_time</c>, <c>run_time</c>,
/// <c>total_time</c>, <c>provider</c>, <c>job_id</c>; times in ms), for every invocation in <c>invocations</c> and summed
/// up at the top: the last output (a chain's end) or, for a batch, every output in order; the providers that ran them.
/// </summary>
/// <param name="JobId">The task of a single invocation, the batch of several, or the chain run of chained ones.</param>
/// <param name="Status">COMPLETED, FAILED, or RUNNING when the wait ran out first (then poll <paramref name="StatusUrl"/>).</param>
public sealed record RunServiceResponse(
    [property: JsonPropertyName("result")] object? Result,
    [property: JsonPropertyName("providing_time")] double? ProvidingTime,
    [property: JsonPropertyName("pull_time")] double? PullTime,
    [property: JsonPropertyName("run_time")] double? RunTime,
    [property: JsonPropertyName("total_time")] double? TotalTime,
    [property: JsonPropertyName("provider")] object? Provider,
    [property: JsonPropertyName("job_id")] Guid JobId,
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("status_url")] string StatusUrl,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("invocations")] IReadOnlyList<InvocationReport> Invocations);

/// <summary>One invocation: where it ran, how long each part took (ms), its output as text, and its task.</summary>
public sealed record InvocationReport(
    [property: JsonPropertyName("task_id")] Guid TaskId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("provider")] string? Provider,
    [property: JsonPropertyName("result")] string? Result,
    [property: JsonPropertyName("providing_time")] double? ProvidingTime,
    [property: JsonPropertyName("pull_time")] double? PullTime,
    [property: JsonPropertyName("run_time")] double? RunTime,
    [property: JsonPropertyName("total_time")] double? TotalTime,
    [property: JsonPropertyName("error")] string? Error)
{
    /// <summary>The report of a task: providing time is its wait for a node, pull time getting its container, run time the run itself.</summary>
    public static InvocationReport From(TaskSnapshot task, byte[]? output) => new(
        task.Id,
        task.Status.ToString().ToUpperInvariant(),
        task.Provider,
        task.Status == TaskState.Completed && output is not null ? Encoding.UTF8.GetString(output) : null,
        Ms(task.StartedAt - task.QueuedAt),
        task.Conditions?.ContainerMs,
        task.WallTime?.TotalMilliseconds,
        Ms(task.FinishedAt - task.QueuedAt),
        task.Error);

    private static double? Ms(TimeSpan? span) => span?.TotalMilliseconds;
}
