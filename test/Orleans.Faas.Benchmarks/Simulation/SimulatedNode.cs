using System.Collections.Immutable;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>
/// A provider's worker during a simulation: its slots, a first-come first-served queue, its idle warm containers by
/// function version, and the load it reports. A task starts warm when a container of its version is idle there, else pays
/// the node's cold start; a finished task's container stays idle, up to <see cref="WarmPerSlot"/> per slot.
/// </summary>
public sealed class SimulatedNode(NodeSpec spec)
{
    private const int WarmPerSlot = 2;

    private readonly List<RunningTask> _running = [];
    private readonly Queue<QueuedTask> _queue = new();
    private readonly Dictionary<string, int> _idleWarm = [];

    public NodeSpec Spec { get; } = spec;

    public string Id => Spec.Id;

    public bool Up { get; private set; } = true;

    /// <summary>Counts failures, so that a finish scheduled before one is recognised as lost.</summary>
    public int Epoch { get; private set; }

    /// <summary>Slot time spent on containers and runs, lost ones included.</summary>
    public double BusyMs { get; private set; }

    /// <summary>Revision of the last snapshot the view was given.</summary>
    public long Revision { get; set; }

    public void Warm(string version, int containers) => _idleWarm[version] = containers;

    public bool IsWarm(string version) => _idleWarm.GetValueOrDefault(version) > 0;

    public void Enqueue(SimulatedTask task, double predictedMs) => _queue.Enqueue(new QueuedTask(task, predictedMs, task.RunMs(Id)));

    /// <summary>Starts queued tasks while a slot is free; each with what it shares the node with as it starts.</summary>
    public List<RunningTask> StartWhatFits(double nowMs)
    {
        var started = new List<RunningTask>();
        while (_running.Count < Spec.Slots && _queue.TryDequeue(out var next))
        {
            var version = next.Task.WarmKey;
            var cold = !IsWarm(version);
            if (!cold)
                _idleWarm[version]--;
            var running = new RunningTask(next.Task, nowMs, nowMs + (cold ? Spec.ColdStartMs : 0) + next.RunMs, next.PredictedMs, next.RunMs, cold,
                RunningBefore: _running.Count, QueuedBefore: _queue.Count, Epoch);
            _running.Add(running);
            started.Add(running);
        }
        return started;
    }

    public void Finish(RunningTask task)
    {
        _running.Remove(task);
        BusyMs += task.EndMs - task.StartMs;
        var version = task.Task.WarmKey;
        _idleWarm[version] = _idleWarm.GetValueOrDefault(version) + 1;
        if (_idleWarm.Values.Sum() > WarmPerSlot * Spec.Slots)
        {
            var evicted = _idleWarm.MaxBy(w => w.Value).Key;
            _idleWarm[evicted]--;
        }
    }

    /// <summary>The node goes down: its containers are gone, and every task on it or queued there is returned to be placed again.</summary>
    public List<SimulatedTask> Fail(double nowMs)
    {
        Up = false;
        Epoch++;
        BusyMs += _running.Sum(r => nowMs - r.StartMs);
        List<SimulatedTask> lost = [.. _running.Select(r => r.Task), .. _queue.Select(q => q.Task)];
        _running.Clear();
        _queue.Clear();
        _idleWarm.Clear();
        return lost;
    }

    public void Recover() => Up = true;

    /// <summary>What its worker reports: the predicted run time still ahead of it, its idle containers, its cold start.</summary>
    public ProviderLoad Load(double nowMs) => new(
        _running.Count,
        _queue.Count,
        Spec.Slots,
        PendingMs: _queue.Sum(q => q.PredictedMs) + _running.Sum(r => Math.Max(0, r.PredictedMs - (nowMs - r.StartMs))),
        IdleWarm: _idleWarm.Where(w => w.Value > 0).ToImmutableDictionary(),
        ColdStartMs: Spec.ColdStartMs);

    public ProviderSnapshot Snapshot(double nowMs) => Spec.Snapshot(Load(nowMs), Up ? ProviderStatus.Ready : ProviderStatus.Down);

    /// <summary>
    /// When a task sent now would start, knowing every true run time: the slots free as the running tasks end, then
    /// each queued task in turn taking the first free slot.
    /// </summary>
    public double ProjectedStartMs(double nowMs)
    {
        if (_running.Count < Spec.Slots)
            return nowMs;
        var free = new PriorityQueue<double, double>();
        foreach (var running in _running)
            free.Enqueue(running.EndMs, running.EndMs);
        for (var i = _running.Count; i < Spec.Slots; i++)
            free.Enqueue(nowMs, nowMs);
        foreach (var queued in _queue)
        {
            var at = free.Dequeue() + queued.RunMs;
            free.Enqueue(at, at);
        }
        return free.Peek();
    }

    private sealed record QueuedTask(SimulatedTask Task, double PredictedMs, double RunMs);
}
