using System.Text;
using System.Text.Json.Serialization;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Gateway.Compat.Fsched;

/// <summary>What <c>task/run</c> answers: the run's status and output, and its execution mode: where it was placed and on what prediction.</summary>
public sealed record TaskRunResponse(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("task_id")] string TaskId,
    [property: JsonPropertyName("run_id")] Guid RunId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("exit_code")] int? ExitCode,
    [property: JsonPropertyName("output")] string? Output,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("execution_mode")] ExecutionMode ExecutionMode)
{
    public static TaskRunResponse From(string taskId, TaskResult result)
    {
        var task = result.Task;
        var message = task.Status switch
        {
            TaskState.Completed => "Task ran",
            TaskState.Failed => $"Task failed ({task.FailureReason})",
            _ => $"Task is {task.Status.ToString().ToLowerInvariant()}; follow it at /v1/tasks/{task.Id}",
        };
        return new TaskRunResponse(message, taskId, task.Id, task.Status.ToString().ToUpperInvariant(), task.ExitCode,
            task.IsFinished ? Encoding.UTF8.GetString(result.Output) : null, task.Error, ExecutionMode.Of(task));
    }
}

/// <summary>
/// How the run was placed: <c>predicted_by</c> is <c>model</c> (the trained runtime model), <c>profile</c> (the linear
/// efficiency model over the task's profile) or <c>no data</c> (no profile yet: placed without a prediction).
/// </summary>
public sealed record ExecutionMode(
    [property: JsonPropertyName("provider")] string? Provider,
    [property: JsonPropertyName("policy")] PlacementPolicyKind? Policy,
    [property: JsonPropertyName("predicted_by")] string PredictedBy,
    [property: JsonPropertyName("model_version")] int? ModelVersion,
    [property: JsonPropertyName("predicted_runtime_ms")] double? PredictedRuntimeMs,
    [property: JsonPropertyName("input_size")] long InputSize)
{
    public static ExecutionMode Of(TaskSnapshot task) => new(
        task.Provider,
        task.Placement?.Policy,
        task.Placement?.ModelVersion switch
        {
            null => "no data",
            0 => "profile",
            _ => "model",
        },
        task.Placement?.ModelVersion,
        task.Placement?.PredictedRuntimeMs,
        task.InputSize);
}
