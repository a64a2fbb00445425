using System.Collections.Concurrent;
using Orleans.Faas.History;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Scheduling;

/// <summary>
/// Between trainings, how far this silo's recent predictions of each function on each provider were off: an
/// exponentially weighted mean of log(wall / predicted) over its completed warm runs, per model version, bounded, and
/// fading towards no correction while no run comes. <see cref="FinishEstimator"/> multiplies the model's run time by
/// it, so a node that got slower is seen within a few runs instead of at the next model. Beside it, how far the runs
/// scatter around it (<see cref="Spread"/>): the uncertainty of the corrected prediction, which a deadline weighs.
/// </summary>
public sealed class PredictionCorrections(TimeProvider clock)
{
    /// <summary>How much the newest run counts: after five runs 2× slower the correction is 1.9×.</summary>
    public const double Weight = 0.4;

    /// <summary>The correction stays within this factor either way, so a few wild runs cannot push a provider out of reach.</summary>
    public const double MaxFactor = 4;

    /// <summary>Pairs kept; past this, pairs whose correction has faded are dropped before a new one is kept.</summary>
    public const int Capacity = 100_000;

    /// <summary>
    /// A correction halves for every this long without a run of its pair, so a provider corrected out of favour is
    /// tried again and measured, not avoided for good.
    /// </summary>
    public static readonly TimeSpan HalfLife = TimeSpan.FromMinutes(5);

    private static readonly double MaxLog = Math.Log(MaxFactor);

    private readonly ConcurrentDictionary<(string Function, string Provider), Correction> _pairs = new();

    /// <summary>Learns from a finished run; one that did not complete warm with a prediction teaches nothing.</summary>
    public void Learn(ExecutionRecord run)
    {
        if (run is not { Status: TaskState.Completed, WallMs: > 0, PredictedMs: > 0, ModelVersion: { } version } || run.Cold == true)
            return;
        var error = Math.Log(run.WallMs / run.PredictedMs.Value);
        var now = clock.GetUtcNow();
        var key = (run.Function, run.Provider);
        if (_pairs.Count >= Capacity && !_pairs.ContainsKey(key))
            DropFaded(now);
        _pairs.AddOrUpdate(key,
            static (_, learnt) => Correction.None.Learn(learnt.Error, learnt.ModelVersion, learnt.At),
            static (_, known, learnt) => known.Learn(learnt.Error, learnt.ModelVersion, learnt.At),
            new Learnt(error, version, now));
    }

    /// <summary>What to multiply the model's prediction of the function on the provider by: 1 without recent runs predicted by that model.</summary>
    public double Factor(string function, string provider, int modelVersion) =>
        _pairs.TryGetValue((function, provider), out var correction) ? Math.Exp(correction.LogAt(clock.GetUtcNow(), modelVersion)) : 1;

    /// <summary>
    /// The standard deviation of the log run time of the function on the provider about its corrected prediction: the
    /// recent runs' scatter, with <paramref name="prior"/> (the model's own error) standing in for runs not yet seen
    /// and returning as the runs fade; <paramref name="prior"/> alone without recent runs predicted by that model.
    /// </summary>
    public double Spread(string function, string provider, int modelVersion, double prior)
    {
        if (!_pairs.TryGetValue((function, provider), out var correction))
            return prior;
        var (variance, priorWeight) = correction.ScatterAt(clock.GetUtcNow(), modelVersion);
        return Math.Sqrt(variance + priorWeight * prior * prior);
    }

    private void DropFaded(DateTimeOffset now)
    {
        foreach (var (key, correction) in _pairs)
            if (now - correction.At > 10 * HalfLife)
                _pairs.TryRemove(key, out _);
    }

    private static double Bounded(double logFactor) => Math.Clamp(logFactor, -MaxLog, MaxLog);

    /// <param name="LogFactor">The log of the factor as of <paramref name="At"/>, when its pair's latest run was learnt.</param>
    /// <param name="LogVariance">The exponentially weighted variance of the runs' log errors about <paramref name="LogFactor"/>, counting from none.</param>
    /// <param name="PriorWeight">How much of the model's own error still stands in for runs not seen: (1 − <see cref="Weight"/>)^runs.</param>
    private sealed record Correction(int ModelVersion, double LogFactor, DateTimeOffset At, double LogVariance, double PriorWeight)
    {
        /// <summary>No runs yet: no correction, and the model's own error all there is to go by.</summary>
        public static readonly Correction None = new(-1, 0, DateTimeOffset.MinValue, 0, 1);

        /// <summary>The log factor at <paramref name="now"/> for predictions of the model version; 0 for another version's.</summary>
        public double LogAt(DateTimeOffset now, int modelVersion) => modelVersion == ModelVersion ? LogFactor * Faded(now) : 0;

        /// <summary>The variance and prior weight at <paramref name="now"/>, fading towards the prior's as the factor fades towards none.</summary>
        public (double LogVariance, double PriorWeight) ScatterAt(DateTimeOffset now, int modelVersion)
        {
            if (modelVersion != ModelVersion)
                return (0, 1);
            var faded = Faded(now);
            return (LogVariance * faded, PriorWeight * faded + 1 - faded);
        }

        /// <summary>An exponentially weighted mean and variance, updated by one run's log error.</summary>
        public Correction Learn(double error, int modelVersion, DateTimeOffset now)
        {
            var mean = LogAt(now, modelVersion);
            var (variance, priorWeight) = ScatterAt(now, modelVersion);
            var deviation = error - mean;
            return new Correction(
                modelVersion, Bounded(mean + Weight * deviation), now, (1 - Weight) * (variance + Weight * deviation * deviation), (1 - Weight) * priorWeight);
        }

        private double Faded(DateTimeOffset now) => Math.Pow(0.5, Math.Max(0, (now - At) / HalfLife));
    }

    /// <param name="Error">The run's log error, log(wall / predicted).</param>
    private readonly record struct Learnt(double Error, int ModelVersion, DateTimeOffset At);
}
