using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Gateway.Providers;

public sealed record ProviderResponse(
    string Id,
    ProviderStatus Status,
    string Silo,
    NodeFacts Facts,
    ImmutableArray<FunctionRuntime> Runtimes,
    int Running,
    int Queued,
    int Slots,
    DateTimeOffset RegisteredAt)
{
    public static ProviderResponse From(ProviderSnapshot p) =>
        new(p.Id, p.Status, p.Silo, p.Facts, p.Runtimes, p.Load.Running, p.Load.Queued, p.Load.Slots, p.RegisteredAt);
}
