using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Orleans.Faas.Hosting;

/// <summary>
/// The host's health checks as a gauge, so that Prometheus can alert on one (PostgreSQL unreachable) without polling
/// <c>/readyz</c>: ASP.NET Core runs every check each <see cref="Period"/> and hands the report here.
/// </summary>
internal sealed class HealthCheckGauge : IHealthCheckPublisher
{
    public const string MeterName = "Orleans.Faas.Health";

    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    private volatile HealthReport? _latest;

    public HealthCheckGauge(IMeterFactory meters) =>
        meters.Create(MeterName).CreateObservableGauge("faas.health.check", Measure, unit: null,
            $"1 when the health check passed at its latest run (every {Period.TotalSeconds:0} s), 0 when it failed or was degraded, by check");

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        _latest = report;
        return Task.CompletedTask;
    }

    private IEnumerable<Measurement<int>> Measure() =>
        (_latest?.Entries ?? Enumerable.Empty<KeyValuePair<string, HealthReportEntry>>()).Select(e => new Measurement<int>(e.Value.Status == HealthStatus.Healthy ? 1 : 0,
            new KeyValuePair<string, object?>("check", e.Key)));
}
