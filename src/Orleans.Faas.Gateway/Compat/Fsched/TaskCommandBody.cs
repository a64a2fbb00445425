using System.Text.Json.Serialization;
using Orleans.Faas.Gateway.Problems;

namespace Orleans.Faas.Gateway.Compat.Fsched;

/// <summary>The body of <c>task/run</c> and <c>task/benchmark</c>: the command line, the task, and the size its work follows.</summary>
public sealed record TaskCommandBody(
    [property: JsonPropertyName("command")] string? Command,
    [property: JsonPropertyName("task_id")] string? TaskId,
    [property: JsonPropertyName("input_size"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] long? InputSize)
{
    /// <summary>Each key present, as the original required; a missing one is a 400 naming it.</summary>
    public (string Command, string TaskId, long InputSize) Required() =>
        string.IsNullOrWhiteSpace(Command) ? throw Missing("command")
        : string.IsNullOrWhiteSpace(TaskId) ? throw Missing("task_id")
        : InputSize is not { } size ? throw Missing("input_size")
        : size < 0 ? throw new MalformedRequestException("The key 'input_size' must be 0 or more.")
        : (Command, TaskId, size);

    private static MalformedRequestException Missing(string key) => new($"The key '{key}' is missing.");
}
