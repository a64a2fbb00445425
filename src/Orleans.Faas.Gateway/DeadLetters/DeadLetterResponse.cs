using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Orleans.Faas.DeadLetters;
using Orleans.Faas.Namespaces;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Gateway.DeadLetters;

/// <summary>A dead letter as the API shows it; its id is its task's.</summary>
/// <param name="Function">The function's name within its namespace.</param>
/// <param name="FunctionVersion">The version the task ran; a replay runs the latest.</param>
/// <param name="Runs">Every run of the task, oldest first, each with its reason (attempt, provider, startedAt, finishedAt, status, exitCode, failureReason, error, retryAt).</param>
/// <param name="Input">The task's input, base64; only when one letter is asked for.</param>
public sealed record DeadLetterResponse(
    Guid Id,
    string Function,
    int FunctionVersion,
    DateTimeOffset FailedAt,
    string? FailureReason,
    string? Error,
    int InputBytes,
    ImmutableArray<TaskRun> Runs,
    BatchMembership? Batch,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] byte[]? Input = null)
{
    public static DeadLetterResponse From(DeadLetter letter, bool withInput = false) => new(
        letter.Id, QualifiedName.LocalName(letter.Function), letter.FunctionVersion, letter.FailedAt, letter.FailureReason, letter.Error,
        letter.Input.Length, letter.Runs, letter.Batch, withInput ? letter.Input : null);
}
