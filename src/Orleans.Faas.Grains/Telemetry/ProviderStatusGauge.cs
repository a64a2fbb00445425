using System.Diagnostics.Metrics;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Telemetry;

/// <summary>
/// A provider's status as a series per status, 1 for the one it has and 0 for the others, so that every provider has a
/// <c>status="DOWN"</c> series and an alert compares its value instead of asking whether it exists.
/// </summary>
internal static class ProviderStatusGauge
{
    public static IEnumerable<Measurement<int>> Measure(IEnumerable<ProviderSnapshot> providers) =>
        from provider in providers
        from status in Enum.GetValues<ProviderStatus>()
        select new Measurement<int>(provider.Status == status ? 1 : 0,
            new KeyValuePair<string, object?>("provider", provider.Id), new KeyValuePair<string, object?>("status", FaasMetrics.Name(status)));
}
