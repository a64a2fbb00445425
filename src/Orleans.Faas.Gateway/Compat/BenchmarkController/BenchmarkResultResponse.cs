using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.HttpModel.Json;

namespace Orleans.Faas.Gateway.Compat.BenchmarkController;

/// <summary>
/// A job as <c>get_result</c> answers it: <c>status</c> RUNNING (queued or running), CLEANUP, FINISHED, or FAILED (the
/// original had no word for it) with its <c>error</c>; <c>result</c> is empty until it finished, then the result set from
/// outside or else its measurements (median, quartiles and spread per provider and input size).
/// </summary>
public sealed record BenchmarkResultResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("result")] JsonNode? Result,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error)
{
    public static BenchmarkResultResponse From(BenchmarkSnapshot job) => new(
        job.Status switch
        {
            BenchmarkStatus.Queued or BenchmarkStatus.Running => "RUNNING",
            _ => job.Status.ToString().ToUpperInvariant(),
        },
        job.Status != BenchmarkStatus.Finished ? null
            : job.ExternalResult is { } given ? JsonNode.Parse(given)
            : JsonSerializer.SerializeToNode(job.Results, FaasJson.Options),
        job.Error);
}
