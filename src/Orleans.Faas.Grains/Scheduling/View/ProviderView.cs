using System.Collections.Concurrent;
using Orleans.Faas.Functions;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling.View;

/// <summary>
/// The providers as this silo sees them, kept current by the providers themselves (<see cref="ProviderViewFeed"/>),
/// with their efficiency scores against the reference. Placement reads it without a grain call. Between a provider's
/// reports, the placements this silo made there count as queued work, so that a burst does not pile onto one provider.
/// Each provider keeps its place in one array, beside the <see cref="ProviderFigures"/> a decision reads, so that a
/// decision among ten thousand providers reads them in order without copying or hashing.
/// </summary>
public sealed class ProviderView
{
    private static readonly int RuntimeCount = Enum.GetValues<FunctionRuntime>().Length;

    // A provider's place in the array; providers are never removed, so a place never changes.
    private readonly ConcurrentDictionary<string, int> _places = new(StringComparer.Ordinal);
    // Placements, load reports and re-scorings change entries at the same time: one at a time, so that none is lost.
    // Decisions read without it.
    private readonly Lock _changing = new();
    private readonly ProviderSelection?[] _takingWork = new ProviderSelection?[RuntimeCount];
    private Table _table = new([], 0);
    // Counts the changes of who takes which runtime's work and of their scores: a selection made before the last one is made again.
    private int _generation;
    private string? _reference;

    /// <summary>Every known provider, scored, in no particular order; read without a lock and without copying the view.</summary>
    public IEnumerable<ProviderSnapshot> Providers
    {
        get
        {
            var table = Volatile.Read(ref _table);
            for (var i = 0; i < table.Count; i++)
                yield return Volatile.Read(ref table.Entries[i]).Scored;
        }
    }

    public int Count => Volatile.Read(ref _table).Count;

    public ProviderSnapshot? Find(string id) => _places.TryGetValue(id, out var place) ? At(place).Scored : null;

    /// <summary>
    /// The providers that take new work of the runtime: chosen again only after one joined or started or stopped
    /// taking it or its scores changed, otherwise the same selection, whose providers are read as they are now.
    /// </summary>
    public ProviderSelection TakingWork(FunctionRuntime runtime)
    {
        // Read before the table: a change after this read makes the selection stale and the next call chooses again.
        var generation = Volatile.Read(ref _generation);
        if (Volatile.Read(ref _takingWork[(int)runtime]) is { } kept && kept.Generation == generation)
            return kept;
        var table = Volatile.Read(ref _table);
        var places = new List<int>(table.Count);
        for (var i = 0; i < table.Count; i++)
        {
            if (Volatile.Read(ref table.Entries[i]).Figures.TakesWork(runtime))
                places.Add(i);
        }
        var chosen = new ProviderSelection(table.Entries, places, generation);
        Volatile.Write(ref _takingWork[(int)runtime], chosen);
        return chosen;
    }

    /// <summary>Takes a provider's snapshot unless a newer one is already here.</summary>
    public void Apply(ProviderSnapshot snapshot, long revision)
    {
        lock (_changing)
        {
            if (!_places.TryGetValue(snapshot.Id, out var place))
                Add(new Entry(snapshot, revision, Score(snapshot)));
            else if (revision > At(place).Revision)
                Put(place, new Entry(snapshot, revision, Score(snapshot)));
            else
                return;
            if (snapshot.Id == _reference)
                Rescore();
        }
    }

    /// <summary>The provider every score is relative to; a change re-bases every provider.</summary>
    public void SetReference(string? reference)
    {
        lock (_changing)
        {
            if (reference == _reference)
                return;
            _reference = reference;
            Rescore();
        }
    }

    /// <summary>Counts a placement this silo just made on the provider until the provider reports its load again.</summary>
    public void Reserve(string id, double predictedMs) =>
        Update(id, load => load with { Queued = load.Queued + 1, PendingMs = load.PendingMs + predictedMs });

    /// <summary>Takes the load a worker answered with when it took an attempt: newer than any report before it.</summary>
    public void Observe(string id, ProviderLoad load) => Update(id, _ => load);

    private void Update(string id, Func<ProviderLoad, ProviderLoad> change)
    {
        lock (_changing)
        {
            if (_places.TryGetValue(id, out var place))
            {
                var kept = At(place);
                Put(place, new Entry(kept.Snapshot, kept.Revision, kept.Scored with { Load = change(kept.Scored.Load) }));
            }
        }
    }

    private Entry At(int place) => Volatile.Read(ref Volatile.Read(ref _table).Entries[place]);

    private void Add(Entry entry)
    {
        var table = _table;
        var entries = table.Entries;
        if (table.Count == entries.Length)
            Array.Resize(ref entries, Math.Max(16, 2 * entries.Length));
        entries[table.Count] = entry;
        // The table first: whoever finds the place reads it in the table.
        Volatile.Write(ref _table, new Table(entries, table.Count + 1));
        _places[entry.Snapshot.Id] = table.Count;
        Interlocked.Increment(ref _generation);
    }

    private void Put(int place, Entry entry)
    {
        var entries = _table.Entries;
        var before = entries[place];
        Volatile.Write(ref entries[place], entry);
        if (before.Figures.Selecting != entry.Figures.Selecting)
            Interlocked.Increment(ref _generation);
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
        for (var place = 0; place < _table.Count; place++)
        {
            var kept = At(place);
            Put(place, new Entry(kept.Snapshot, kept.Revision, Score(kept.Snapshot) with { Load = kept.Scored.Load }));
        }
    }

    /// <summary>The entries array and how many of its places are taken, published together.</summary>
    private sealed record Table(Entry[] Entries, int Count);

    /// <param name="snapshot">As the provider sent it.</param>
    /// <param name="scored">With scores, and with this silo's placements since the provider's report.</param>
    internal sealed class Entry(ProviderSnapshot snapshot, long revision, ProviderSnapshot scored)
    {
        public ProviderSnapshot Snapshot { get; } = snapshot;

        public long Revision { get; } = revision;

        public ProviderSnapshot Scored { get; } = scored;

        /// <summary>Of <see cref="Scored"/>, taken once here rather than in every decision.</summary>
        public ProviderFigures Figures { get; } = ProviderFigures.Of(scored);
    }
}
