using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Orleans.Faas.Functions;

namespace Orleans.Faas.Gateway.Functions;

/// <summary>The JSON body of <c>POST /v1/functions</c>; unknown fields are rejected so typos do not pass silently.</summary>
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
    PlacementBody? Placement)
{
    public FunctionDefinition ToDefinition() => new(
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
        Placement?.ToSpec());

    // Out-of-range values become zero, which validation rejects with the allowed range in its message.
    private static TimeSpan ToTimeout(double seconds) =>
        seconds > 0 && seconds <= FunctionDefinitionValidator.MaxTimeout.TotalSeconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
}
