using System.Collections.Immutable;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling;

/// <summary>The node labels a function requires (<see cref="Functions.PlacementSpec.Requires"/>) against what providers carry.</summary>
public static class LabelConstraints
{
    /// <summary>The requirements the provider does not meet, as <c>key=value</c>; empty when it fits.</summary>
    public static IEnumerable<string> Unmet(ProviderSnapshot provider, ImmutableDictionary<string, string> requires) =>
        requires.Where(r => provider.Facts.Labels?.GetValueOrDefault(r.Key) != r.Value)
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => $"{r.Key}={r.Value}");

    public static bool Fits(ProviderSnapshot provider, ImmutableDictionary<string, string> requires) => !Unmet(provider, requires).Any();

    /// <summary>
    /// What no provider among <paramref name="providers"/> meets: the first requirement none of them carries, else
    /// (each is met somewhere, never all on one) all of them together.
    /// </summary>
    public static string NobodyMeets(IReadOnlyList<ProviderSnapshot> providers, ImmutableDictionary<string, string> requires)
    {
        var all = requires.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}").ToList();
        var metSomewhere = providers.SelectMany(p => all.Except(Unmet(p, requires))).ToHashSet();
        return all.FirstOrDefault(r => !metSomewhere.Contains(r)) ?? string.Join(" and ", all);
    }
}
