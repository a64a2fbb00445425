using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.Models;
using Orleans.Faas.Prediction.Store;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling.View;
using Orleans.Faas.Telemetry;
using Orleans.Faas.Tests.Scheduling;

namespace Orleans.Faas.Tests.Telemetry;

/// <summary>What the instruments the alerts and the dashboard query measure, read as the exporter reads them.</summary>
public sealed class FaasMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ProviderView _providers = new();
    private readonly FaasMetrics _metrics;

    public FaasMetricsTests() =>
        _metrics = new FaasMetrics(_services.GetRequiredService<IMeterFactory>(), _providers, new RuntimeModels(new InMemoryModelStore(), NullLogger<RuntimeModels>.Instance));

    [Fact]
    public void Each_provider_has_one_series_per_status_and_only_its_own_status_is_1()
    {
        _providers.Apply(Placements.Provider("a"), 1);
        _providers.Apply(Placements.Provider("b", status: ProviderStatus.Down), 1);
        _providers.Apply(Placements.Provider("a", status: ProviderStatus.Draining), 2);

        var statuses = Observe<int>("faas.provider.status").ToDictionary(m => (Tag(m, "provider"), Tag(m, "status")), m => m.Value);

        Assert.Equal(6, statuses.Count);
        Assert.Equal(1, statuses[("a", "DRAINING")]);
        Assert.Equal(0, statuses[("a", "READY")]);
        Assert.Equal(0, statuses[("a", "DOWN")]);
        Assert.Equal(1, statuses[("b", "DOWN")]);
        Assert.Equal(0, statuses[("b", "READY")]);
    }

    [Fact]
    public void The_worker_serves_its_slots_and_queue_limit_beside_its_queue()
    {
        _metrics.WorkerLoad("a", new ProviderLoad(Running: 2, Queued: 7, Slots: 4, MaxQueued: 8));

        Assert.Equal(4, Assert.Single(Observe<int>("faas.worker.slots")).Value);
        Assert.Equal(8, Assert.Single(Observe<int>("faas.worker.queue.limit")).Value);
        Assert.Equal(7, Assert.Single(Observe<int>("faas.worker.queued")).Value);
    }

    [Fact]
    public void A_load_that_does_not_say_its_queue_limit_serves_none()
    {
        _metrics.WorkerLoad("a", new ProviderLoad(0, 0, 4));

        Assert.Empty(Observe<int>("faas.worker.queue.limit"));
        Assert.Single(Observe<int>("faas.worker.slots"));
    }

    [Fact]
    public void Container_acquisitions_count_cold_and_warm_apart_by_function_and_provider()
    {
        using var acquired = Collector<long>("faas.containers.acquired");

        _metrics.ContainerAcquired("resize", "a", cold: true);
        _metrics.ContainerAcquired("resize", "a", cold: false);
        _metrics.ContainerAcquired("resize", "a", cold: false);

        var byStart = acquired.GetMeasurementSnapshot().GroupBy(m => Tag(m, "start")).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.Equal(1, byStart["cold"]);
        Assert.Equal(2, byStart["warm"]);
        Assert.All(acquired.GetMeasurementSnapshot(), m => Assert.Equal(("resize", "a"), (Tag(m, "function"), Tag(m, "provider"))));
    }

    [Fact]
    public void A_benchmark_job_is_running_until_it_ends_and_ending_one_that_ran_elsewhere_leaves_the_count_alone()
    {
        using var reached = Collector<long>("faas.benchmarks");
        var job = Guid.NewGuid();

        _metrics.BenchmarkRunning(job);
        _metrics.BenchmarkRunning(job);
        var whileRunning = Assert.Single(Observe<int>("faas.benchmarks.running")).Value;
        _metrics.BenchmarkEnded(job, BenchmarkStatus.Finished);
        _metrics.BenchmarkEnded(Guid.NewGuid(), BenchmarkStatus.Failed);

        Assert.Equal(1, whileRunning);
        Assert.Equal(0, Assert.Single(Observe<int>("faas.benchmarks.running")).Value);
        Assert.Equal(["RUNNING", "FINISHED", "FAILED"], reached.GetMeasurementSnapshot().Select(m => Tag(m, "status")));
    }

    [Fact]
    public void The_model_version_is_0_while_the_linear_model_answers() =>
        Assert.Equal(0, Assert.Single(Observe<int>("faas.model.version")).Value);

    public void Dispose() => _services.Dispose();

    private MetricCollector<T> Collector<T>(string instrument) where T : struct =>
        new(_services.GetRequiredService<IMeterFactory>(), FaasMetrics.MeterName, instrument);

    /// <summary>One collection of an observable instrument, as a scrape makes.</summary>
    private IReadOnlyList<CollectedMeasurement<T>> Observe<T>(string instrument) where T : struct
    {
        using var collector = Collector<T>(instrument);
        collector.RecordObservableInstruments();
        return collector.GetMeasurementSnapshot();
    }

    private static string Tag<T>(CollectedMeasurement<T> measurement, string name) where T : struct => (string)measurement.Tags[name]!;
}
