using System.CommandLine;
using System.Diagnostics;
using Orleans.Faas.Benchmarks.Measurement;

namespace Orleans.Faas.Benchmarks.Training;

/// <summary>
/// What training a model costs the silo's other calls: on a silo whose history holds the given number of completed
/// runs, one cheap call (a finished task's status) is timed back to back while idle, then from a training request
/// until <c>GET /v1/models</c>, polled on its own loop throughout, reports the training finished. Idle and training
/// alternate for a few rounds, so both phases see the machine alike, and each phase's samples are pooled. Measured on
/// a silo that trains out of process (the default), and on one that trains in process, the baseline that shows why.
/// </summary>
public static class TrainingLatencyBenchmark
{
    private const double TargetRatio = 2;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan MaxTraining = TimeSpan.FromMinutes(10);

    public static Command Command(Option<Uri> gateway)
    {
        var inProcess = new Option<string>("--in-process-gateway")
        {
            Description = "A silo started with Faas__Models__OutOfProcess=false (--gateway is one that trains out of process)",
            DefaultValueFactory = _ => "http://127.0.0.1:8081",
        };
        var runs = new Option<int>("--history-runs") { Description = "Completed runs each silo's history is filled with first", DefaultValueFactory = _ => 2000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Invocations kept in flight while filling the history", DefaultValueFactory = _ => 16 };
        var idle = new Option<int>("--idle-seconds") { Description = "How long the call is timed on an idle silo, over all rounds", DefaultValueFactory = _ => 10 };
        var rounds = new Option<int>("--rounds") { Description = "Idle phases and trainings per silo, alternating", DefaultValueFactory = _ => 3 };
        var command = new Command("training", "Latency of a one-grain-call request on a silo while a model trains, out of process vs in process, against idle")
        {
            gateway, inProcess, runs, concurrency, idle, rounds,
        };
        command.SetAction(parsed => Run(
            parsed.GetValue(gateway)!,
            new Uri(parsed.GetValue(inProcess)!, UriKind.Absolute),
            parsed.GetValue(runs),
            parsed.GetValue(concurrency),
            TimeSpan.FromSeconds(parsed.GetValue(idle)),
            parsed.GetValue(rounds)));
        return command;
    }

    public static async Task Run(Uri outOfProcess, Uri inProcess, int runs, int concurrency, TimeSpan idle, int rounds)
    {
        TrainingLatency[] silos =
        [
            await Measure("out of process (default)", outOfProcess, runs, concurrency, idle / rounds, rounds),
            await Measure("in process (baseline)", inProcess, runs, concurrency, idle / rounds, rounds),
        ];
        TrainingTable.Print(
            $"GET /v1/tasks/{{id}} on a silo with {runs:N0} runs in its history: {idle.TotalSeconds:0} s idle vs {rounds} trainings, alternating", silos);
        foreach (var silo in silos)
            Console.WriteLine($"{silo.Trainer}: the last training used {silo.TrainingRows?.ToString("N0") ?? "no"} runs: {silo.Outcome}");
        Console.WriteLine($"out-of-process p99 during training: {silos[0].P99Ratio:0.00}× idle; target ≤ {TargetRatio}×: {Verdict.Of(silos[0].P99Ratio <= TargetRatio)}");
    }

    private static async Task<TrainingLatency> Measure(string trainer, Uri gateway, int runs, int concurrency, TimeSpan idlePerRound, int rounds)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 }) { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(1) };
        var fill = Stopwatch.StartNew();
        var call = new TaskStatusCall(http, await HistoryFill.Run(http, runs, concurrency));
        Console.WriteLine($"{trainer}: {runs:N0} runs of /bin/cat completed in {fill.Elapsed.TotalSeconds:0.0} s");

        await using var poll = await ModelsPoll.Start(http);
        // The last runs' bookkeeping settles and the call's path warms up before anything counts.
        await LatencyLoop.Run(new Samples("warm-up"), call.RunOnce, For(WarmUp));
        var idle = new Samples("idle");
        var during = new Samples("during training");
        var trainingTimes = new List<TimeSpan>();
        for (var round = 0; round < rounds; round++)
        {
            await LatencyLoop.Run(idle, call.RunOnce, For(idlePerRound));
            trainingTimes.Add(await Train(trainer, http, poll, call, during));
        }
        return new TrainingLatency(trainer, idle, during, trainingTimes, poll.Latest.LastOutcome, poll.Latest.LatestTrainingRows);
    }

    /// <summary>Requests a training and times the call until it finished.</summary>
    /// <returns>From the request until the trainer's finish.</returns>
    private static async Task<TimeSpan> Train(string trainer, HttpClient http, ModelsPoll poll, TaskStatusCall call, Samples during)
    {
        var lastFinished = poll.Latest.LastFinishedAt;
        var requestedAt = DateTimeOffset.UtcNow;
        using (var accepted = await http.PostAsync("/v1/models/training", null))
        {
            if ((int)accepted.StatusCode != 202)
                throw new InvalidOperationException($"Training request answered {(int)accepted.StatusCode}: {await accepted.Content.ReadAsStringAsync()}");
        }
        var training = Stopwatch.StartNew();
        // Running from the request on (the trainer sets it before answering) until the poll sees a newer finish.
        bool StillTraining() => training.Elapsed < MaxTraining
            ? poll.Latest.LastFinishedAt == lastFinished
            : throw new TimeoutException($"{trainer}: the training did not finish in {MaxTraining}.");
        await LatencyLoop.Run(during, call.RunOnce, StillTraining);
        return poll.Latest.LastFinishedAt!.Value - requestedAt;
    }

    private static Func<bool> For(TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        return () => clock.Elapsed < duration;
    }
}
