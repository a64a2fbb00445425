using System.Text;
using System.Text.Json;
using Orleans.Faas.HttpModel.Json;
using Orleans.Faas.Namespaces;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.HttpModel.Tasks;

/// <summary>
/// What a function's destination gets as its input when one of its tasks ends. The task's output and input are
/// embedded as JSON when they are JSON, else as a string of their UTF-8 text; null when empty.
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
        new DestinationOutcome(task.Id, QualifiedName.LocalName(task.Function), task.FunctionVersion, task.Status, task.FailureReason, task.Error, Embedded(output), Embedded(input)),
        FaasJson.Options);

    private static JsonElement? Embedded(byte[] bytes)
    {
        if (bytes.Length == 0)
            return null;
        try
        {
            using var json = JsonDocument.Parse(bytes);
            return json.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(Encoding.UTF8.GetString(bytes));
        }
    }
}
