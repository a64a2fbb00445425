using System.Collections;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling.Policies;

/// <summary>
/// Candidates best first by a key (lowest first), ordered only as far as they are read: the best <c>top</c> are
/// picked in one pass, O(n log top) where sorting all would be O(n log n); the rest are sorted only when a caller
/// reads past them, which placement does only when every one of the best refused the task. Read by one caller at a
/// time, like the plan it ends up in.
/// </summary>
public sealed class TopRanking<TKey> : IReadOnlyList<ProviderSnapshot>
{
    private readonly IReadOnlyList<ProviderSnapshot> _candidates;
    private readonly Func<int, TKey> _keyAt;
    private readonly int[] _picked;
    private readonly ProviderSnapshot[] _top;
    private ProviderSnapshot[]? _rest;

    /// <param name="top">Providers picked at once: the first choice, its runner-up and a few to try if they refuse.</param>
    public TopRanking(IReadOnlyList<ProviderSnapshot> candidates, Func<ProviderSnapshot, TKey> keyOf, int top = 8)
        : this(candidates, i => keyOf(candidates[i]), top)
    {
    }

    /// <param name="keyAt">The key of the candidate at an index, for keys made from more than its snapshot (<see cref="View.ProviderFigures.At"/>).</param>
    /// <param name="top">Providers picked at once: the first choice, its runner-up and a few to try if they refuse.</param>
    /// <param name="blocks">
    /// Consecutive runs of candidates that together hold each once, each with a key none of its candidates is below:
    /// a run whose floor is above the worst of <paramref name="top"/> picked already is passed over. Null for one run of all.
    /// </param>
    public TopRanking(IReadOnlyList<ProviderSnapshot> candidates, Func<int, TKey> keyAt, int top = 8, IEnumerable<(int Start, int End, TKey Floor)>? blocks = null)
    {
        _candidates = candidates;
        _keyAt = keyAt;
        // The worst of the best so far sits at the head of the queue, where a better candidate pushes it out.
        var best = new PriorityQueue<int, TKey>(top + 1, Comparer<TKey>.Create((a, b) => Comparer<TKey>.Default.Compare(b, a)));
        foreach (var (start, end, floor) in blocks ?? [(0, candidates.Count, default!)])
        {
            if (blocks is not null && best.Count == top && best.TryPeek(out _, out var worstSoFar) && Comparer<TKey>.Default.Compare(floor, worstSoFar) > 0)
                continue;
            for (var i = start; i < end; i++)
            {
                var key = keyAt(i);
                if (best.Count < top)
                    best.Enqueue(i, key);
                else if (best.TryPeek(out _, out var worst) && Comparer<TKey>.Default.Compare(key, worst) < 0)
                    best.DequeueEnqueue(i, key);
            }
        }
        _picked = new int[best.Count];
        for (var i = _picked.Length - 1; i >= 0; i--)
            _picked[i] = best.Dequeue();
        _top = [.. _picked.Select(i => candidates[i])];
    }

    public int Count => _candidates.Count;

    public ProviderSnapshot this[int index] => index < _top.Length ? _top[index] : Rest()[index - _top.Length];

    /// <summary>Orders the picked providers again by another key, leaving the rest in the first key's order.</summary>
    public void ReorderTop<TOther>(Func<ProviderSnapshot, TOther> keyOf) => Array.Sort(_top.Select(keyOf).ToArray(), _top);

    public IEnumerator<ProviderSnapshot> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
            yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private ProviderSnapshot[] Rest() => _rest ??= [.. Enumerable.Range(0, _candidates.Count).Except(_picked).OrderBy(_keyAt).Select(i => _candidates[i])];
}
