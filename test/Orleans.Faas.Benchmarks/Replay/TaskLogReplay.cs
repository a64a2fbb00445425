using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Orleans.Faas.Benchmarks.Placement;
using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Json;
using Orleans.Faas.Prediction.Features;
using Orleans.Faas.Prediction.Training;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Benchmarks.Replay;

/// <summary>
/// A placement benchmark's output as the training rows the platform would build from its runs
/// (<c>TrainingRows</c>): the providers' scores from the report, and each kind's reference profile from the linear
/// predictions logged with its tasks, as the linear model is that profile scaled by the scores. The log does not keep
/// the run's CPU quota, cache figures or load at start, so those features are missing or 0 in every row alike.
/// </summary>
public sealed partial class TaskLogReplay
{
    private readonly Dictionary<string, Scores> _scores;
    private readonly Dictionary<string, (string Function, long InputSize)> _kinds;
    private readonly Dictionary<(string Function, long InputSize), double> _referenceMs;
    private readonly Dictionary<(string Function, long InputSize), double> _cpuShare;

    private TaskLogReplay(string report, IReadOnlyList<LoggedRun> runs)
    {
        _scores = ReadScores(report);
        var tasks = runs.SelectMany(r => r.Tasks).Where(t => t.Task.Placement?.LinearRuntimeMs is > 0 && t.Task.Provider is not null).ToList();
        Reference = _scores.Single(s => s.Value.Reference).Key;
        _kinds = tasks.GroupBy(t => t.Kind).ToDictionary(g => g.Key, g => (g.First().Task.Function, g.First().Task.InputSize));
        _referenceMs = tasks.Where(t => t.Task.Provider == Reference)
            .GroupBy(t => (t.Task.Function, t.Task.InputSize))
            .ToDictionary(g => g.Key, g => g.First().Task.Placement!.LinearRuntimeMs!.Value);
        _cpuShare = tasks.Where(t => t.Task.Provider != Reference)
            .GroupBy(t => (t.Task.Function, t.Task.InputSize))
            .ToDictionary(g => g.Key, g => g.Average(t => CpuShare(_referenceMs[g.Key], t.Task.Placement!.LinearRuntimeMs!.Value, _scores[t.Task.Provider!])));
        Log = runs;
        Runs = [.. runs.Select(run => ReplayedRun.Of(run, t => Row(t.Kind, t.Task.Provider!, t.Task.Metrics!.WallMs, t.Task.Metrics.Cold ?? false)))];
        Logged = [.. runs.Select(run => (run.Placement, ModelAccuracy.Of(run.Tasks.Select(t => t.Task))))];
    }

    /// <summary>The task log as read.</summary>
    internal IReadOnlyList<LoggedRun> Log { get; }

    /// <summary>The arrival runs in the order they ran.</summary>
    public IReadOnlyList<ReplayedRun> Runs { get; }

    /// <summary>Each run's error as it ran, by the predictions logged with its tasks.</summary>
    public IReadOnlyList<(string Placement, ModelAccuracy Accuracy)> Logged { get; }

    /// <summary>The provider the others are scored against, on which the profiles were measured.</summary>
    public string Reference { get; }

    /// <param name="taskLog">The benchmark's <c>placement-tasks.json</c>.</param>
    /// <param name="report">The benchmark's <c>placement.txt</c>, for the providers' scores.</param>
    public static TaskLogReplay Read(string taskLog, string report) =>
        new(report, JsonSerializer.Deserialize<List<LoggedRun>>(File.ReadAllText(taskLog), FaasJson.Options)
            ?? throw new InvalidDataException($"{taskLog} holds no runs."));

    /// <summary>The row the platform would train on for a run of the kind (as the task log names it) on the provider.</summary>
    public TrainingRow Row(string kind, string provider, double wallMs, bool cold = false)
    {
        var key = _kinds[kind];
        var referenceMs = _referenceMs[key];
        var profile = new RunStatistics(referenceMs, referenceMs, referenceMs, 0, Samples: 5, CpuMs: _cpuShare.GetValueOrDefault(key, 1) * referenceMs,
            PeakMemoryBytes: null, ReadBytes: null, WriteBytes: null, LlcReferences: null, LlcMisses: null);
        var scores = _scores[provider];
        return new TrainingRow(RuntimeFeatures.Build(profile, key.InputSize, FunctionRuntime.Docker, new ProviderFeatures(
            scores.Cpu, scores.Memory, CpuQuota: null, LlcBytes: null, MemoryBytes: null, Running: 0, Queued: 0, cold)), wallMs);
    }

    /// <summary>The reference wall time, in milliseconds, of the kind: its profile, which the linear model scales.</summary>
    public double ReferenceMs(string kind) => _referenceMs[_kinds[kind]];

    /// <summary>The CPU share s that makes the linear model's ratio to the reference, s / cpu + (1 − s) / memory, what was logged.</summary>
    private static double CpuShare(double referenceMs, double linearMs, Scores provider)
    {
        var share = (linearMs / referenceMs - 1 / provider.Memory) / (1 / provider.Cpu - 1 / provider.Memory);
        return double.IsFinite(share) ? Math.Clamp(share, 0, 1) : 1;
    }

    private static Dictionary<string, Scores> ReadScores(string report)
    {
        var scores = File.ReadLines(report).Select(line => ScoreLine().Match(line)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["provider"].Value, m => new Scores(
                double.Parse(m.Groups["cpu"].Value, CultureInfo.InvariantCulture),
                double.Parse(m.Groups["memory"].Value, CultureInfo.InvariantCulture),
                m.Groups["reference"].Success));
        if (scores.Count(s => s.Value.Reference) != 1)
            throw new InvalidDataException($"{report} names no reference provider among its scores (lines like \"  cedar: cpu 1.00, memory 1.00 (reference)\").");
        return scores;
    }

    // The report's lines "  ash: cpu 0.52, memory 0.42" and "  cedar: cpu 1.00, memory 1.00 (reference)".
    [GeneratedRegex(@"^\s+(?<provider>[\w.-]+): cpu (?<cpu>[\d.]+), memory (?<memory>[\d.]+)(?<reference> \(reference\))?$")]
    private static partial Regex ScoreLine();

    private sealed record Scores(double Cpu, double Memory, bool Reference);
}
