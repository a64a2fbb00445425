namespace Orleans.Faas.Functions;

/// <summary>
/// Which versions a function keeps, each with its code: the latest, and an earlier one while tasks submitted for it may
/// still ask for its code (<see cref="NodeCode"/>): one replaced within the task retention, at most
/// <see cref="MaxEarlier"/> of them. A task whose code was pruned fails to start, saying so.
/// </summary>
public static class KeptVersions
{
    public const int MaxEarlier = 10;

    /// <summary>Removes, oldest first, the versions that are neither the latest nor replaced within <paramref name="retention"/> of <paramref name="now"/>.</summary>
    public static void Prune(List<FunctionVersion> versions, DateTimeOffset now, TimeSpan retention)
    {
        var first = Math.Max(0, versions.Count - 1 - MaxEarlier);
        // A version was replaced when the next one was registered.
        while (first < versions.Count - 1 && versions[first + 1].RegisteredAt < now - retention)
            first++;
        versions.RemoveRange(0, first);
    }
}
