using System.Collections;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling.View;

/// <summary>
/// Some of a <see cref="ProviderView"/>'s providers, by their places in it: chosen once, each read as it is in the
/// view when it is read, with the <see cref="ProviderFigures"/> the view keeps of it. A decision reads it instead of
/// copying the view. The providers are ordered fastest CPU first, in blocks of <see cref="BlockSize"/>, each with the
/// best efficiencies in it, so that a ranking can pass over a block none of whose providers can finish early enough.
/// </summary>
public sealed class ProviderSelection : IReadOnlyList<ProviderSnapshot>
{
    public const int BlockSize = 32;

    private readonly ProviderView.Entry[] _entries;
    private readonly int[] _places;

    internal ProviderSelection(ProviderView.Entry[] entries, List<int> places, int generation)
    {
        _entries = entries;
        Generation = generation;
        // Providers without a floor first, in blocks of their own; then the rest, fastest CPU first.
        _places = [.. places.OrderBy(p => entries[p].Figures.Bounded).ThenByDescending(p => Efficiency(entries[p].Figures.CpuEfficiency))];
        var blocks = new List<ProviderBlock>(_places.Length / BlockSize + 2);
        for (var start = 0; start < _places.Length;)
        {
            var bounded = entries[_places[start]].Figures.Bounded;
            var end = start;
            var (cpu, memory) = (0.0, 0.0);
            for (; end < _places.Length && end - start < BlockSize && entries[_places[end]].Figures.Bounded == bounded; end++)
            {
                var figures = entries[_places[end]].Figures;
                cpu = Math.Max(cpu, Efficiency(figures.CpuEfficiency));
                memory = Math.Max(memory, Efficiency(figures.MemoryEfficiency));
            }
            blocks.Add(new ProviderBlock(start, end, bounded, cpu, memory));
            start = end;
        }
        Blocks = blocks;
    }

    /// <summary>How many changes of who takes which work, or of their scores, the view had counted when this was chosen.</summary>
    internal int Generation { get; }

    /// <summary>Consecutive runs of the selection that together hold each of its providers once.</summary>
    public IReadOnlyList<ProviderBlock> Blocks { get; }

    public int Count => _places.Length;

    public ProviderSnapshot this[int index] => Entry(index).Scored;

    public ProviderFigures Figures(int index) => Entry(index).Figures;

    public IEnumerator<ProviderSnapshot> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
            yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>An efficiency as the estimates count it: a missing one as the reference's, 1.</summary>
    private static double Efficiency(double? score) => score ?? 1;

    private ProviderView.Entry Entry(int index) => Volatile.Read(ref _entries[_places[index]]);
}

/// <summary>
/// The providers from <paramref name="Start"/> up to <paramref name="End"/> of a selection. When
/// <paramref name="Bounded"/>, none of them has a CPU or memory efficiency above <paramref name="BestCpuEfficiency"/>
/// and <paramref name="BestMemoryEfficiency"/> (a missing one counting as 1), and each one's finish is at least its run time.
/// </summary>
public readonly record struct ProviderBlock(int Start, int End, bool Bounded, double BestCpuEfficiency, double BestMemoryEfficiency);
