using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.Models;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling.View;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Telemetry;

/// <summary>The platform's own instruments, on the <see cref="MeterName"/> meter, next to Orleans' own.</summary>
public sealed class FaasMetrics
{
    public const string MeterName = "Orleans.Faas";

    // From a warm process run (milliseconds) to a long batch job (minutes), in seconds.
    private static readonly double[] LatencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900];

    private readonly Counter<long> _tasks;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _containers;
    private readonly Counter<long> _benchmarks;
    private readonly ConcurrentDictionary<string, ProviderLoad> _workerLoads = new();
    private readonly ConcurrentDictionary<(string Function, string Provider), RollingError> _predictionErrors = new();
    private readonly ConcurrentDictionary<Guid, byte> _benchmarksRunning = new();

    /// <param name="providers">This silo's view of the providers, whose statuses are served.</param>
    /// <param name="models">The models this silo predicts with, whose version is served.</param>
    public FaasMetrics(IMeterFactory meters, ProviderView providers, RuntimeModels models)
    {
        var meter = meters.Create(MeterName);
        _tasks = meter.CreateCounter<long>("faas.tasks", "{task}", "Tasks that reached a status, by status and function");
        _latency = meter.CreateHistogram<double>("faas.invocation.duration", "s", "From queued to finished, by function and final status",
            tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _retries = meter.CreateCounter<long>("faas.tasks.retried", "{task}", "Attempts placed again because their provider was lost, by lost provider");
        _refusals = meter.CreateCounter<long>("faas.worker.refused", "{task}", "Attempts this silo's worker refused because its queue was full (Faas:Worker:MaxQueued)");
        meter.CreateObservableGauge("faas.worker.queued", () => Loads(l => l.Queued), "{task}", "Tasks waiting for a slot on this silo's worker");
        meter.CreateObservableGauge("faas.worker.running", () => Loads(l => l.Running), "{task}", "Tasks running on this silo's worker");
        meter.CreateObservableGauge("faas.worker.slots", () => Loads(l => l.Slots), "{slot}", "Execution slots of this silo's worker (Faas:Worker:Slots)");
        meter.CreateObservableGauge("faas.worker.queue.limit", () => Loads(l => l.MaxQueued), "{task}",
            "The most tasks that may wait for a slot on this silo's worker before it refuses work (Faas:Worker:MaxQueued)");
        _containers = meter.CreateCounter<long>("faas.containers.acquired", "{container}",
            "Containers runs on this silo got, by function, provider and start: cold (created and started for the run) or warm (an idle one reused)");
        meter.CreateObservableGauge("faas.provider.status", () => ProviderStatusGauge.Measure(providers.Providers), "{provider}",
            "1 for the status each provider has in this silo's view of the providers and 0 for the others, by provider and status");
        meter.CreateObservableGauge("faas.model.version", () => models.CurrentInfo?.Version ?? 0, "{version}",
            "The version of the trained runtime model this silo predicts with; 0 while the linear efficiency model answers");
        _benchmarks = meter.CreateCounter<long>("faas.benchmarks", "{job}", "Benchmark jobs run on this silo that reached a status, by status");
        meter.CreateObservableGauge("faas.benchmarks.running", () => _benchmarksRunning.Count, "{job}", "Benchmark jobs running on this silo");
        meter.CreateObservableGauge("faas.prediction.mape", PredictionErrors, "1",
            $"Mean absolute percentage error of the predicted run times of the latest {RollingError.Window} runs finished on this silo, by function and provider");
    }

    public void TaskReached(string function, TaskState status) =>
        _tasks.Add(1, new("function", function), new("status", Name(status)));

    public void TaskFinished(string function, TaskState status, TimeSpan sinceQueued) =>
        _latency.Record(sinceQueued.TotalSeconds, new("function", function), new("status", Name(status)));

    public void AttemptRetried(string lostProvider) => _retries.Add(1, new KeyValuePair<string, object?>("provider", lostProvider));

    public void AssignmentRefused(string provider) => _refusals.Add(1, new KeyValuePair<string, object?>("provider", provider));

    public void WorkerLoad(string provider, ProviderLoad load) => _workerLoads[provider] = load;

    /// <summary>A run on the provider got a container: a new one (<paramref name="cold"/>) or an idle warm one.</summary>
    public void ContainerAcquired(string function, string provider, bool cold) =>
        _containers.Add(1, new("function", function), new("provider", provider), new("start", cold ? "cold" : "warm"));

    public void BenchmarkRunning(Guid job)
    {
        if (_benchmarksRunning.TryAdd(job, 0))
            _benchmarks.Add(1, new KeyValuePair<string, object?>("status", Name(BenchmarkStatus.Running)));
    }

    /// <summary>The job ended FINISHED or FAILED; a job that started on another silo (and was ended here after that silo died) counts too.</summary>
    public void BenchmarkEnded(Guid job, BenchmarkStatus status)
    {
        _benchmarksRunning.TryRemove(job, out _);
        _benchmarks.Add(1, new KeyValuePair<string, object?>("status", Name(status)));
    }

    /// <summary>A completed run that had a predicted run time.</summary>
    public void PredictionChecked(string function, string provider, double predictedMs, double actualMs) =>
        _predictionErrors.GetOrAdd((function, provider), _ => new RollingError()).Add(Math.Abs(predictedMs - actualMs) / actualMs);

    private IEnumerable<Measurement<double>> PredictionErrors() =>
        _predictionErrors.Select(e => new Measurement<double>(e.Value.Mean,
            new KeyValuePair<string, object?>("function", e.Key.Function), new KeyValuePair<string, object?>("provider", e.Key.Provider)));

    /// <param name="pick">The value of a load; a load without it (null) is left out.</param>
    private IEnumerable<Measurement<int>> Loads(Func<ProviderLoad, int?> pick) =>
        _workerLoads.Select(w => (Value: pick(w.Value), Provider: w.Key)).Where(w => w.Value is not null)
            .Select(w => new Measurement<int>(w.Value!.Value, new KeyValuePair<string, object?>("provider", w.Provider)));

    /// <summary>A status as the HTTP API spells it.</summary>
    internal static string Name<TStatus>(TStatus status) where TStatus : struct, Enum => status.ToString().ToUpperInvariant();
}
