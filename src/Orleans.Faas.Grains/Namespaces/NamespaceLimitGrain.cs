using Orleans.Faas.Batches;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Namespaces;

/// <summary>
/// Held in memory only: when the silo holding it goes, the count starts again from nothing, which may let a namespace
/// briefly over its limit but never keeps a place taken by work that is gone.
/// </summary>
public sealed class NamespaceLimitGrain(TimeProvider clock) : Grain, INamespaceLimitGrain
{
    // Work is admitted just before it is submitted; until then it has no task or batch to be asked about.
    private static readonly TimeSpan SubmitGrace = TimeSpan.FromSeconds(10);

    // A namespace at its limit asks its work at most this often; in between, a full namespace is simply full.
    private static readonly TimeSpan RecountEvery = TimeSpan.FromSeconds(1);

    private readonly Dictionary<Guid, (AdmittedWork Work, DateTimeOffset At)> _admitted = [];
    private DateTimeOffset _recountedAt = DateTimeOffset.MinValue;

    private int Unfinished => _admitted.Values.Sum(a => a.Work.Tasks);

    public async Task<bool> TryAdmit(AdmittedWork work, int limit)
    {
        // A retried invocation (the same Idempotency-Key, so the same task) is already counted.
        if (_admitted.ContainsKey(work.Id))
            return true;
        if (Unfinished + work.Tasks > limit && clock.GetUtcNow() - _recountedAt >= RecountEvery)
            await Recount();
        if (Unfinished + work.Tasks > limit)
            return false;
        _admitted[work.Id] = (work, clock.GetUtcNow());
        return true;
    }

    private async Task Recount()
    {
        var now = clock.GetUtcNow();
        _recountedAt = now;
        var settled = _admitted.Values.Where(a => now - a.At >= SubmitGrace).ToList();
        var left = await Task.WhenAll(settled.Select(a => UnfinishedTasks(a.Work)));
        foreach (var (admitted, unfinished) in settled.Zip(left))
        {
            if (unfinished == 0)
                _admitted.Remove(admitted.Work.Id);
            else
                _admitted[admitted.Work.Id] = admitted with { Work = admitted.Work with { Tasks = unfinished } };
        }
    }

    private async Task<int> UnfinishedTasks(AdmittedWork work) => work.Kind switch
    {
        AdmittedWorkKind.Task => await GrainFactory.GetGrain<ITaskGrain>(work.Id).GetSnapshot() is { IsFinished: false } ? 1 : 0,
        _ => await GrainFactory.GetGrain<IBatchGrain>(work.Id).GetSnapshot() is { IsFinished: false } batch
            ? batch.Total - batch.Completed - batch.Failed
            : 0,
    };
}
