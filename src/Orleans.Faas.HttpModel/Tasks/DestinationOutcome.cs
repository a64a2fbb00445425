using System.Text.Json;
using Orleans.Faas.HttpModel.Json;
using Orleans.Faas.Namespaces;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.HttpModel.Tasks;

/// <summary>
/// What a function's destination gets as its input when one of its tasks ends. The task's output and input are
/// embedded as <see cref="EmbeddedBytes"/> makes them: JSON as itself, other text as a string, else <c>{"base64": …}</c>.
/// </summary>
/// <param name="Function">The finished task's function, by its name within the namespace.</param>
public sealed record DestinationOutcome(
    Guid TaskId,
    string Function,
    int FunctionVersion,
    TaskState Status,
    string? FailureReason,
    string? Error,
    JsonElement? Output,
    JsonElement? Input)
{
    public static byte[] Of(TaskSnapshot task, byte[] output, byte[] input) => JsonSerializer.SerializeToUtf8Bytes(
        new DestinationOutcome(task.Id, QualifiedName.LocalName(task.Function), task.FunctionVersion, task.Status, task.FailureReason, task.Error, EmbeddedBytes.Of(output), EmbeddedBytes.Of(input)),
        FaasJson.Options);
}
