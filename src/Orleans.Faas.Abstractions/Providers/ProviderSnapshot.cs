using System.Collections.Immutable;
using Orleans.Faas.Functions;

namespace Orleans.Faas.Providers;

[GenerateSerializer, Immutable, Alias("faas.ProviderSnapshot")]
public sealed record ProviderSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] NodeFacts Facts,
    [property: Id(2)] ImmutableArray<FunctionRuntime> Runtimes,
    [property: Id(3)] ProviderStatus Status,
    [property: Id(4)] ProviderLoad Load,
    [property: Id(5)] string Silo,
    [property: Id(6)] DateTimeOffset RegisteredAt);
