extern alias benchmarks;
using System.Globalization;
using benchmarks::Orleans.Faas.Benchmarks.Placement;
using benchmarks::Orleans.Faas.Benchmarks.Replay;
using Orleans.Faas.Prediction.Evaluation;
using Orleans.Faas.Prediction.Linear;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Tests.Prediction;

/// <summary>
/// <c>bench.sh replay</c> rebuilds the training rows of a placement benchmark from its output: on a synthetic output
/// shaped like a real run (a CPU- and a memory-bound function, short and long inputs ten times apart, three providers
/// scored against the reference, noisy run times), written by the benchmark's own <see cref="TaskLog"/>.
/// </summary>
public sealed class TaskLogReplayTests : IDisposable
{
    private const string Reference = "cedar";
    private static readonly long[] InputSizes = [256, 512, 2560, 5120];

    /// <summary>Provider → (CPU score, memory score), as the report prints them.</summary>
    private static readonly Dictionary<string, (double Cpu, double Memory)> Scores = new()
    {
        ["ash"] = (0.52, 0.42),
        ["birch"] = (0.27, 0.16),
        [Reference] = (1.00, 1.00),
    };

    private static readonly Dictionary<string, double> CpuShare = new() { ["cpu"] = 0.95, ["memory"] = 0.40 };

    private readonly string _folder = Directory.CreateTempSubdirectory("ft-replay-").FullName;
    private readonly List<TaskKind> _kinds = [.. WorkloadFunction.Mix.SelectMany(f => InputSizes.Select(size => new TaskKind(f, size)))];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_replayed_rows_give_the_linear_model_the_error_it_had_as_the_runs_ran()
    {
        WriteOutput(runs: 2, seed: 7);

        var replay = TaskLogReplay.Read(TaskLogPath, ReportPath);

        Assert.Equal(["predictive", "least-loaded"], replay.Runs.Select(r => r.Placement));
        Assert.Equal(Reference, replay.Reference);
        foreach (var (run, (_, logged)) in replay.Runs.Zip(replay.Logged))
        {
            Assert.Equal(_kinds.Count * Scores.Count * 2, run.Rows.Count);
            Assert.Equal(logged.LinearMape, ModelEvaluation.Evaluate(LinearEfficiencyModel.Instance, run.Rows).Mape, 5);
        }
    }

    [Fact]
    public void The_pinned_history_holds_the_profiling_runs_and_as_many_rounds_per_provider_as_fit_beside_the_slowest()
    {
        WriteOutput(runs: 1, seed: 8);
        var replay = TaskLogReplay.Read(TaskLogPath, ReportPath);

        var history = PinnedHistory.Rebuild(ReportPath, replay);

        // Five profiling runs of every kind; the slowest provider, birch, runs six rounds (one unmeasured, five measured).
        var roundMs = Scores.Keys.ToDictionary(p => p, p => _kinds.Sum(k => LinearMs(k, p)));
        var rounds = Scores.Keys.Sum(p => (int)Math.Ceiling(6 * roundMs["birch"] / roundMs[p]));
        Assert.Equal(_kinds.Count * (5 + rounds), history.Count);
        // The oldest runs are the profiling, all on the reference provider.
        Assert.All(history.TakeLast(_kinds.Count * 5), row => Assert.Equal(1f, row.Features.CpuEfficiency));
    }

    [Fact]
    public void The_run_time_placement_used_is_the_expected_finish_less_the_wait_and_the_cold_start()
    {
        var warm = Decision(predictedMs: 1000, linearMs: 900, correction: 1.2, waitMs: 500);
        var cold = warm with { ColdStartMs = 300, ExpectedFinishMs = warm.ExpectedFinishMs + 300 };

        Assert.Equal(1200, ModelAccuracy.UsedRuntimeMs(warm), 9);
        Assert.Equal(1200, ModelAccuracy.UsedRuntimeMs(cold), 9);
    }

    private string TaskLogPath => Path.Combine(_folder, "placement-tasks.json");

    private string ReportPath => Path.Combine(_folder, "placement.txt");

    /// <summary>The kind's profile on the reference provider: about half a second per KiB, the memory-bound one slower.</summary>
    private static double ReferenceMs(TaskKind kind) => kind.InputBytes / 1024.0 * (kind.Function.Workload == "cpu" ? 480 : 600);

    private static double LinearMs(TaskKind kind, string provider)
    {
        var share = CpuShare[kind.Function.Workload];
        return ReferenceMs(kind) * (share / Scores[provider].Cpu + (1 - share) / Scores[provider].Memory);
    }

    private static PlacementDecision Decision(double predictedMs, double linearMs, double correction, double waitMs) =>
        new(PlacementPolicyKind.Predictive, ModelVersion: 1, ModelKind: "fasttree-residual", predictedMs, linearMs, waitMs, ColdStartMs: 0,
            ExpectedFinishMs: waitMs + predictedMs * correction, RunnerUp: null, RunnerUpFinishMs: null);

    /// <summary>
    /// The report's score lines and table of true run times, and a task log of <paramref name="runs"/> arrival runs in
    /// which every kind runs twice on every provider, each run 0.7-1.5 × the linear model's time.
    /// </summary>
    private void WriteOutput(int runs, int seed)
    {
        var random = new Random(seed);
        var report = new List<string>();
        report.AddRange(Scores.Select(s => FormattableString.Invariant($"  {s.Key}: cpu {s.Value.Cpu:0.00}, memory {s.Value.Memory:0.00}{(s.Key == Reference ? " (reference)" : "")}")));
        report.Add("[01:53, host load 3.4 on 2 cores] measuring true run times: 5 warm runs of every task pinned to every provider");
        report.Add("  True run times: median wall ms of warm");
        report.Add($"│ task │ {string.Join(" │ ", Scores.Keys)} │");
        report.AddRange(_kinds.Select(k => $"│ {k} │ {string.Join(" │ ", Scores.Keys.Select(p => Math.Round(LinearMs(k, p)).ToString(CultureInfo.InvariantCulture)))} │"));
        report.Add($"│ mean over the mix │ {string.Join(" │ ", Scores.Keys.Select(_ => "0"))} │");
        File.WriteAllLines(ReportPath, report);

        var start = DateTimeOffset.UnixEpoch;
        RunResult Run(string placement)
        {
            var tasks = new List<FinishedTask>();
            foreach (var (kind, provider) in _kinds.SelectMany(k => Scores.Keys.SelectMany(p => new[] { (k, p), (k, p) })))
            {
                var linearMs = LinearMs(kind, provider);
                var wallMs = linearMs * (0.7 + 0.8 * random.NextDouble());
                var finished = start + TimeSpan.FromMilliseconds(wallMs);
                var task = new TaskView(Guid.NewGuid(), kind.Function.Name, TaskState.Completed, provider, start, start, finished, kind.InputBytes, null,
                    new TaskRunMetrics(wallMs, Cold: false), Decision(linearMs * 1.1, linearMs, correction: 1, waitMs: 0));
                tasks.Add(new FinishedTask(new Arrival(tasks.Count, TimeSpan.Zero, kind), start, task));
                start = finished;
            }
            return new RunResult(placement, tasks[0].SubmittedAt, tasks, hostLoad: null);
        }
        TaskLog.Write([.. new[] { "predictive", "least-loaded" }.Take(runs).Select(Run)], TaskLogPath);
    }
}
