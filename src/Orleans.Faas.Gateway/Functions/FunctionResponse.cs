using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Orleans.Faas.Functions;
using Orleans.Faas.Namespaces;

namespace Orleans.Faas.Gateway.Functions;

/// <summary>A function's latest version as the API shows it.</summary>
/// <param name="Code">The uploaded code file (python runtime), described rather than repeated.</param>
/// <param name="Secrets">The names of the secrets mounted into its containers; never their values.</param>
/// <param name="Features">The named numbers its invocations may carry for the runtime model.</param>
/// <param name="CallbackSecret">The key its callbacks are signed with; only in a registration's answer.</param>
/// <param name="Name">Its name within its namespace.</param>
/// <param name="Destinations">The function or chain each finished task's outcome is invoked with; absent for none.</param>
/// <param name="ServiceId">The number the ChainFaaS scheduler knew it by; null for none.</param>
/// <param name="Retry">How a task whose function failed by itself is run again; null runs it once.</param>
public sealed record FunctionResponse(
    string Name,
    string Namespace,
    int Version,
    DateTimeOffset RegisteredAt,
    FunctionRuntime Runtime,
    string? Image,
    ImmutableArray<string> Command,
    ImmutableDictionary<string, string> Env,
    double Cpu,
    int MemoryMiB,
    double TimeoutSeconds,
    int MaxAttempts,
    bool Network,
    string? User,
    int PidsLimit,
    ImagePullPolicy PullPolicy,
    bool KeepWarm,
    PlacementBody? Placement,
    string? Source,
    string? EntryPoint,
    string? Pickled,
    CodeFileResponse? Code,
    ImmutableArray<string> Secrets,
    int? ServiceId,
    ImmutableArray<DeclaredFeature> Features,
    RetryBody? Retry,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CallbackSecret = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FunctionDestinations? Destinations = null)
{
    public static FunctionResponse From(FunctionVersion version)
    {
        var d = version.Definition;
        return new(QualifiedName.LocalName(d.Name), QualifiedName.NamespaceOf(d.Name), version.Version, version.RegisteredAt, d.Runtime, d.Image, d.Command, d.Env, d.Cpu, d.MemoryMiB, d.Timeout.TotalSeconds, d.MaxAttempts,
            d.Network, d.User, d.PidsLimit, d.PullPolicy, d.KeepWarm, PlacementBody.From(d.Placement),
            d.Source, d.EntryPoint, d.Pickled, CodeFileResponse.From(d.Code), d.Secrets, d.ServiceId, d.Features, RetryBody.From(d.Retry), Destinations: d.Destinations);
    }
}
