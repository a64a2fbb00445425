using System.Collections.Concurrent;
using Orleans.Faas.History;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Profiles;

/// <summary>
/// Completed warm runs on this silo waiting to teach their functions' profiles; bounded, so a silo whose learner
/// falls behind drops the surplus instead of growing.
/// </summary>
public sealed class ProfileObservations
{
    public const int Capacity = 10_000;

    private readonly ConcurrentQueue<ExecutionRecord> _pending = new();

    public void Add(ExecutionRecord execution)
    {
        if (execution.Status == TaskState.Completed && execution.Cold == false && _pending.Count < Capacity)
            _pending.Enqueue(execution);
    }

    public List<ExecutionRecord> TakeAll()
    {
        var taken = new List<ExecutionRecord>();
        while (_pending.TryDequeue(out var execution))
            taken.Add(execution);
        return taken;
    }
}
