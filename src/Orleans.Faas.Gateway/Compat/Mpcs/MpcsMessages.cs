using System.Text.Json.Serialization;

namespace Orleans.Faas.Gateway.Compat.Mpcs;

// The request and response models of MPCS FaaS, named and shaped as its FastAPI app named them.

/// <summary><c>POST /register_function</c>: a name and a base64 dill-pickled callable.</summary>
public sealed record RegisterFn(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("payload")] string? Payload);

public sealed record RegisterFnRep([property: JsonPropertyName("function_id")] Guid FunctionId);

/// <summary><c>POST /execute_function</c>: a function id and a base64 dill-pickled <c>(args, kwargs)</c>.</summary>
public sealed record ExecuteFnReq(
    [property: JsonPropertyName("function_id")] string? FunctionId,
    [property: JsonPropertyName("payload")] string? Payload);

public sealed record ExecuteFnRep([property: JsonPropertyName("task_id")] Guid TaskId);

/// <param name="Status">QUEUED, RUNNING, COMPLETED or FAILED.</param>
public sealed record TaskStatusRep(
    [property: JsonPropertyName("task_id")] Guid TaskId,
    [property: JsonPropertyName("status")] string Status);

/// <param name="Result">Base64 of the dill-pickled return value, or of the exception when FAILED; null until the task finished.</param>
public sealed record TaskResultRep(
    [property: JsonPropertyName("task_id")] Guid TaskId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("result")] string? Result);
