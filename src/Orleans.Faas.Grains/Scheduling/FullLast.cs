using System.Collections;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling;

/// <summary>
/// A policy's ranking with the providers that look full moved to the end, each part in the policy's order. It reads
/// the ranking only as far as it is read itself: the first provider that does not look full is usually the policy's
/// first, and the ranking below it is then never ordered.
/// </summary>
internal sealed class FullLast(IReadOnlyList<ProviderSnapshot> ranked, Func<ProviderSnapshot, bool> looksFull) : IReadOnlyList<ProviderSnapshot>
{
    private readonly List<ProviderSnapshot> _open = [];
    private readonly List<ProviderSnapshot> _full = [];
    private int _read;

    public int Count => ranked.Count;

    public ProviderSnapshot this[int index]
    {
        get
        {
            while (_open.Count <= index && _read < ranked.Count)
            {
                var provider = ranked[_read++];
                (looksFull(provider) ? _full : _open).Add(provider);
            }
            return index < _open.Count ? _open[index] : _full[index - _open.Count];
        }
    }

    public IEnumerator<ProviderSnapshot> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
            yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
