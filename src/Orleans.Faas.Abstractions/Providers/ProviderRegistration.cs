using System.Collections.Immutable;
using Orleans.Faas.Functions;

namespace Orleans.Faas.Providers;

/// <summary>What a silo announces about its node when it starts.</summary>
/// <param name="Runtimes">The runtimes this node can run functions with, e.g. no Docker when its socket did not answer.</param>
/// <param name="Silo">The silo's address, for operators.</param>
[GenerateSerializer, Immutable, Alias("faas.ProviderRegistration")]
public sealed record ProviderRegistration(
    [property: Id(0)] NodeFacts Facts,
    [property: Id(1)] ImmutableArray<FunctionRuntime> Runtimes,
    [property: Id(2)] int Slots,
    [property: Id(3)] string Silo);
