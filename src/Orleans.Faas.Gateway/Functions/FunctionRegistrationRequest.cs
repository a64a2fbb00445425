using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Functions;

namespace Orleans.Faas.Gateway.Functions;

/// <summary>
/// The JSON body of <c>POST /v1/functions</c> (or its <c>definition</c> part beside an uploaded <c>code</c> file); unknown
/// fields are rejected so typos do not pass silently.
/// </summary>
/// <param name="Source">Python source text, the module <c>main</c> (python runtime).</param>
/// <param name="EntryPoint">The Python handler, <c>module:function</c>; for inline source and .py files <c>function</c> will do (default <c>handler</c>).</param>
/// <param name="Pickled">A dill-pickled callable, base64 (python runtime).</param>
/// <param name="Secrets">Names of secrets (PUT /v1/secrets/{name}) mounted into its containers at /run/secrets/NAME (docker and python runtimes).</param>
/// <param name="ServiceId">The number the ChainFaaS scheduler knew it by (run_service/{id}); unique in its namespace.</param>
/// <param name="Features">Named numbers its invocations may carry (?features=) for the runtime model, each with whether it is required and its bounds.</param>
/// <param name="Retry">How a task whose function failed by itself (exit code, timeout, exception) is run again; without it, once.</param>
/// <param name="Destinations">The function or chain of the namespace each finished task's outcome is invoked with: <c>onSuccess</c>, <c>onFailure</c>.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FunctionRegistrationRequest(
    string? Name,
    FunctionRuntime? Runtime,
    string? Image,
    IReadOnlyList<string>? Command,
    IReadOnlyDictionary<string, string>? Env,
    double? Cpu,
    int? MemoryMiB,
    double? TimeoutSeconds,
    int? MaxAttempts,
    bool? Network,
    string? User,
    int? PidsLimit,
    ImagePullPolicy? PullPolicy,
    bool? KeepWarm,
    PlacementBody? Placement,
    string? Source = null,
    string? EntryPoint = null,
    string? Pickled = null,
    IReadOnlyList<string>? Secrets = null,
    int? ServiceId = null,
    IReadOnlyList<DeclaredFeature>? Features = null,
    RetryBody? Retry = null,
    FunctionDestinations? Destinations = null)
{
    /// <param name="code">The file uploaded beside the definition, if any.</param>
    public FunctionDefinition ToDefinition(CodeFile? code = null) => new(
        Name ?? "",
        Runtime ?? FunctionRuntime.Docker,
        Image,
        Command?.ToImmutableArray() ?? [],
        Env?.ToImmutableDictionary() ?? ImmutableDictionary<string, string>.Empty,
        Cpu ?? 0,
        MemoryMiB ?? 0,
        TimeoutSeconds is { } seconds ? ToTimeout(seconds) : FunctionDefinition.DefaultTimeout,
        MaxAttempts ?? FunctionDefinition.DefaultMaxAttempts,
        Network ?? false,
        User,
        PidsLimit ?? 0,
        PullPolicy ?? ImagePullPolicy.IfNotPresent,
        KeepWarm ?? true,
        Placement?.ToSpec(),
        Source,
        EntryPoint,
        Pickled,
        code,
        Secrets?.ToImmutableArray() ?? [],
        ServiceId,
        Features?.ToImmutableArray() ?? [],
        Retry?.ToPolicy(),
        Destinations);

    // Out-of-range values become zero, which validation rejects with the allowed range in its message.
    private static TimeSpan ToTimeout(double seconds) =>
        seconds > 0 && seconds <= FunctionDefinitionValidator.MaxTimeout.TotalSeconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
}
