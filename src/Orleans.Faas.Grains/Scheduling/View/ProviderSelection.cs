using System.Collections;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling.View;

/// <summary>
/// Some of a <see cref="ProviderView"/>'s providers, by their places in it: chosen once, each read as it is in the
/// view when it is read, with the <see cref="ProviderFigures"/> the view keeps of it. A decision reads it instead of
/// copying the view.
/// </summary>
public sealed class ProviderSelection : IReadOnlyList<ProviderSnapshot>
{
    private readonly ProviderView.Entry[] _entries;
    private readonly int[] _places;

    internal ProviderSelection(ProviderView.Entry[] entries, int[] places, int takers)
    {
        _entries = entries;
        _places = places;
        Takers = takers;
    }

    /// <summary>How many changes of who takes which work the view had counted when this was chosen.</summary>
    internal int Takers { get; }

    public int Count => _places.Length;

    public ProviderSnapshot this[int index] => Entry(index).Scored;

    public ProviderFigures Figures(int index) => Entry(index).Figures;

    public IEnumerator<ProviderSnapshot> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
            yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private ProviderView.Entry Entry(int index) => Volatile.Read(ref _entries[_places[index]]);
}
