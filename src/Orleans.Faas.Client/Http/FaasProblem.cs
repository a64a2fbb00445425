using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Faas.Client;

/// <summary>An RFC 7807 problem the gateway answered with: what went wrong, and the fields or task it concerns.</summary>
public sealed record FaasProblem
{
    public string? Type { get; init; }

    public string? Title { get; init; }

    public int? Status { get; init; }

    public string? Detail { get; init; }

    public string? Instance { get; init; }

    /// <summary>Per field, what is wrong with it (validation problems).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>The task the problem is about (a failed or unfinished task), when it names one.</summary>
    public Guid? TaskId { get; init; }

    /// <summary>Why the task failed (<c>exit code</c>, <c>timeout</c>, <c>oom</c>, ...), when the problem is a failed task.</summary>
    public string? FailureReason { get; init; }

    /// <summary>Every other member, e.g. <c>taskStatus</c>, <c>exitCode</c>, <c>wait</c> or <c>constraint</c>.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement> Extensions { get; init; } = new Dictionary<string, JsonElement>();
}
