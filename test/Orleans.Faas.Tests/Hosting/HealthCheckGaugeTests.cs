using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Orleans.Faas.Hosting;

namespace Orleans.Faas.Tests.Hosting;

public sealed class HealthCheckGaugeTests
{
    [Fact]
    public async Task Each_check_of_the_latest_report_is_1_when_healthy_and_0_otherwise()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var gauge = new HealthCheckGauge(meters);
        using var collector = new MetricCollector<int>(meters, HealthCheckGauge.MeterName, "faas.health.check");

        collector.RecordObservableInstruments();
        var beforeAnyReport = collector.GetMeasurementSnapshot(clear: true);
        await gauge.PublishAsync(Report(("orleans", HealthStatus.Healthy), ("postgres", HealthStatus.Healthy)), CancellationToken.None);
        await gauge.PublishAsync(Report(("orleans", HealthStatus.Healthy), ("postgres", HealthStatus.Unhealthy), ("slow", HealthStatus.Degraded)), CancellationToken.None);
        collector.RecordObservableInstruments();

        Assert.Empty(beforeAnyReport);
        var checks = collector.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags["check"]!, m => m.Value);
        Assert.Equal(new Dictionary<string, int> { ["orleans"] = 1, ["postgres"] = 0, ["slow"] = 0 }, checks);
    }

    private static HealthReport Report(params (string Name, HealthStatus Status)[] checks) =>
        new(checks.ToDictionary(c => c.Name, c => new HealthReportEntry(c.Status, null, TimeSpan.Zero, null, null)), TimeSpan.Zero);
}
