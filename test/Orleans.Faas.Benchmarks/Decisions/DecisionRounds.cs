using System.Diagnostics;
using Orleans.Faas.Benchmarks.Measurement;

namespace Orleans.Faas.Benchmarks.Decisions;

/// <summary>
/// Runs decisions on dedicated threads in rounds of <see cref="PerRound"/>, until the rounds have taken the given time.
/// Before each round, outside the timing, <c>reset</c> runs with every thread parked, so the reservations decisions
/// leave in the view never pile up beyond one round's. Each decision is timed alone, and what it allocates on its
/// thread is counted.
/// </summary>
public static class DecisionRounds
{
    /// <summary>Decisions per round, shared among the threads.</summary>
    public const int PerRound = 100;

    public static DecisionSample Run(string scenario, Action decide, Action reset, int threads, TimeSpan duration)
    {
        var workers = Enumerable.Range(0, threads).Select(_ => new Worker(decide, PerRound / threads)).ToArray();
        // The coordinator and every worker meet twice a round: once to start it, once when all have finished it.
        using var barrier = new Barrier(threads + 1);
        var stopping = false;
        var deadline = 0L;
        var running = workers.Select(worker => new Thread(() =>
        {
            while (true)
            {
                barrier.SignalAndWait();
                if (Volatile.Read(ref stopping))
                    return;
                worker.RunRound(Volatile.Read(ref deadline));
                barrier.SignalAndWait();
            }
        }) { IsBackground = true, Name = $"{scenario} decisions" }).ToArray();
        foreach (var thread in running)
            thread.Start();

        var busy = TimeSpan.Zero;
        while (busy < duration)
        {
            reset();
            var start = Stopwatch.GetTimestamp();
            Volatile.Write(ref deadline, start + (long)((duration - busy).TotalSeconds * Stopwatch.Frequency));
            barrier.SignalAndWait();
            barrier.SignalAndWait();
            busy += Stopwatch.GetElapsedTime(start);
        }
        Volatile.Write(ref stopping, true);
        barrier.SignalAndWait();
        foreach (var thread in running)
            thread.Join();

        var times = new Samples(scenario);
        foreach (var ticks in workers.SelectMany(w => w.Ticks))
            times.Add(Stopwatch.GetElapsedTime(0, ticks));
        return new DecisionSample(threads, times, busy, workers.Sum(w => w.AllocatedBytes), workers.Sum(w => w.CollectedDuring));
    }

    private sealed class Worker(Action decide, int perRound)
    {
        public List<long> Ticks { get; } = [];

        public long AllocatedBytes { get; private set; }

        /// <summary>Decisions a garbage collection ran during, on any thread.</summary>
        public int CollectedDuring { get; private set; }

        /// <summary>Up to a round's share of decisions; fewer when the deadline passes first.</summary>
        public void RunRound(long deadline)
        {
            for (var i = 0; i < perRound && Stopwatch.GetTimestamp() < deadline; i++)
            {
                var collections = GC.CollectionCount(0);
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var start = Stopwatch.GetTimestamp();
                decide();
                var end = Stopwatch.GetTimestamp();
                // Read before the tick is stored: a growing list would count as the decision's.
                AllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
                if (GC.CollectionCount(0) != collections)
                    CollectedDuring++;
                Ticks.Add(end - start);
            }
        }
    }
}
