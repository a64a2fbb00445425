using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Orleans.Faas.Providers;
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
    private readonly ConcurrentDictionary<string, ProviderLoad> _workerLoads = new();
    private readonly ConcurrentDictionary<(string Function, string Provider), RollingError> _predictionErrors = new();

    public FaasMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _tasks = meter.CreateCounter<long>("faas.tasks", "{task}", "Tasks that reached a status, by status and function");
        _latency = meter.CreateHistogram<double>("faas.invocation.duration", "s", "From queued to finished, by function and final status",
            tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _retries = meter.CreateCounter<long>("faas.tasks.retried", "{task}", "Attempts placed again because their provider was lost, by lost provider");
        _refusals = meter.CreateCounter<long>("faas.worker.refused", "{task}", "Attempts this silo's worker refused because its queue was full (Faas:Worker:MaxQueued)");
        meter.CreateObservableGauge("faas.worker.queued", () => Loads(l => l.Queued), "{task}", "Tasks waiting for a slot on this silo's worker");
        meter.CreateObservableGauge("faas.worker.running", () => Loads(l => l.Running), "{task}", "Tasks running on this silo's worker");
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

    /// <summary>A completed run that had a predicted run time.</summary>
    public void PredictionChecked(string function, string provider, double predictedMs, double actualMs) =>
        _predictionErrors.GetOrAdd((function, provider), _ => new RollingError()).Add(Math.Abs(predictedMs - actualMs) / actualMs);

    private IEnumerable<Measurement<double>> PredictionErrors() =>
        _predictionErrors.Select(e => new Measurement<double>(e.Value.Mean,
            new KeyValuePair<string, object?>("function", e.Key.Function), new KeyValuePair<string, object?>("provider", e.Key.Provider)));

    private IEnumerable<Measurement<int>> Loads(Func<ProviderLoad, int> pick) =>
        _workerLoads.Select(w => new Measurement<int>(pick(w.Value), new KeyValuePair<string, object?>("provider", w.Key)));

    private static string Name(TaskState status) => status.ToString().ToUpperInvariant();
}
