using System.Collections.Concurrent;
using Orleans.Faas.History;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Scheduling;

/// <summary>
/// Between trainings, how far this silo's recent predictions of each function on each provider were off: an
/// exponentially weighted mean of log(wall / predicted) over its completed warm runs, per model version, bounded, and
/// fading towards no correction while no run comes. <see cref="FinishEstimator"/> multiplies the model's run time by
/// it, so a node that got slower is seen within a few runs instead of at the next model.
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
            static (_, learnt) => learnt.First,
            static (_, known, learnt) => learnt.First with { LogFactor = Bounded(known.LogAt(learnt.First.At, learnt.First.ModelVersion) * (1 - Weight) + learnt.WeightedError) },
            new Learnt(new Correction(version, Bounded(Weight * error), now), Weight * error));
    }

    /// <summary>What to multiply the model's prediction of the function on the provider by: 1 without recent runs predicted by that model.</summary>
    public double Factor(string function, string provider, int modelVersion) =>
        _pairs.TryGetValue((function, provider), out var correction) ? Math.Exp(correction.LogAt(clock.GetUtcNow(), modelVersion)) : 1;

    private void DropFaded(DateTimeOffset now)
    {
        foreach (var (key, correction) in _pairs)
            if (now - correction.At > 10 * HalfLife)
                _pairs.TryRemove(key, out _);
    }

    private static double Bounded(double logFactor) => Math.Clamp(logFactor, -MaxLog, MaxLog);

    /// <param name="LogFactor">The log of the factor as of <paramref name="At"/>, when its pair's latest run was learnt.</param>
    private sealed record Correction(int ModelVersion, double LogFactor, DateTimeOffset At)
    {
        /// <summary>The log factor at <paramref name="now"/> for predictions of the model version; 0 for another version's.</summary>
        public double LogAt(DateTimeOffset now, int modelVersion) =>
            modelVersion == ModelVersion ? LogFactor * Math.Pow(0.5, Math.Max(0, (now - At) / HalfLife)) : 0;
    }

    /// <param name="First">The correction when the pair has none yet for the model version.</param>
    /// <param name="WeightedError">The run's log error times <see cref="Weight"/>.</param>
    private readonly record struct Learnt(Correction First, double WeightedError);
}
