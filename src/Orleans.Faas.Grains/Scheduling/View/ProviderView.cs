using System.Collections.Concurrent;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling.View;

/// <summary>
/// The providers as this silo sees them, kept current by the providers themselves (<see cref="ProviderViewFeed"/>),
/// with their efficiency scores against the reference. Placement reads it without a grain call. Between a provider's
/// reports, the placements this silo made there count as queued work, so that a burst does not pile onto one provider.
/// </summary>
public sealed class ProviderView
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _rescoring = new();
    private string? _reference;

    /// <summary>Every known provider, scored, in no particular order; read without a lock and without copying the view.</summary>
    public IEnumerable<ProviderSnapshot> Providers => _entries.Select(e => e.Value.Scored);

    public int Count => _entries.Count;

    public ProviderSnapshot? Find(string id) => _entries.TryGetValue(id, out var entry) ? entry.Scored : null;

    /// <summary>Takes a provider's snapshot unless a newer one is already here.</summary>
    public void Apply(ProviderSnapshot snapshot, long revision)
    {
        var updated = _entries.AddOrUpdate(snapshot.Id,
            _ => new Entry(snapshot, revision, Score(snapshot)),
            (_, kept) => revision > kept.Revision ? new Entry(snapshot, revision, Score(snapshot)) : kept);
        if (updated.Revision == revision && snapshot.Id == _reference)
            Rescore();
    }

    /// <summary>The provider every score is relative to; a change re-bases every provider.</summary>
    public void SetReference(string? reference)
    {
        if (reference == _reference)
            return;
        _reference = reference;
        Rescore();
    }

    /// <summary>Counts a placement this silo just made on the provider until the provider reports its load again.</summary>
    public void Reserve(string id, double predictedMs) =>
        Update(id, load => load with { Queued = load.Queued + 1, PendingMs = load.PendingMs + predictedMs });

    /// <summary>Takes the load a worker answered with when it took an attempt: newer than any report before it.</summary>
    public void Observe(string id, ProviderLoad load) => Update(id, _ => load);

    private void Update(string id, Func<ProviderLoad, ProviderLoad> change) =>
        Change(id, kept => kept with { Scored = kept.Scored with { Load = change(kept.Scored.Load) } });

    // Placements, load reports and re-scorings change an entry at the same time: a change that lost the race to another
    // is made again on what won, so none of them is lost.
    private void Change(string id, Func<Entry, Entry> change)
    {
        while (_entries.TryGetValue(id, out var kept) && !_entries.TryUpdate(id, change(kept), kept))
        {
        }
    }

    private ProviderSnapshot Score(ProviderSnapshot snapshot)
    {
        var reference = _reference;
        var referenceBenchmark = reference is null ? null : reference == snapshot.Id ? snapshot.Benchmark : Find(reference)?.Benchmark;
        return snapshot with
        {
            IsReference = snapshot.Id == reference,
            Scores = reference is null ? null : Efficiency.Of(reference, snapshot.Benchmark, referenceBenchmark),
        };
    }

    private void Rescore()
    {
        lock (_rescoring)
        {
            foreach (var id in _entries.Keys)
                Change(id, kept => kept with { Scored = Score(kept.Snapshot) with { Load = kept.Scored.Load } });
        }
    }

    /// <param name="Snapshot">As the provider sent it.</param>
    /// <param name="Scored">With scores, and with this silo's placements since the provider's report.</param>
    private sealed record Entry(ProviderSnapshot Snapshot, long Revision, ProviderSnapshot Scored);
}
