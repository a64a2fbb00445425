using System.Diagnostics.Metrics;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Telemetry;

/// <summary>
/// A provider's status as a gauge per status, 1 for the one it has and 0 for the others, so that a query can select a
/// status (<c>status="DOWN"</c>) and a provider that changes status never leaves a stale series at 1 behind.
/// </summary>
internal static class ProviderStatusGauge
{
    public static IEnumerable<Measurement<int>> Measure(IEnumerable<ProviderSnapshot> providers) =>
        from provider in providers
        from status in Enum.GetValues<ProviderStatus>()
        select new Measurement<int>(provider.Status == status ? 1 : 0,
            new KeyValuePair<string, object?>("provider", provider.Id), new KeyValuePair<string, object?>("status", FaasMetrics.Name(status)));
}
