using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace Orleans.Faas.DeadLetters;

/// <summary>Embedded mode's dead letters, in this process: gone when it stops, like everything else it stores.</summary>
public sealed class InMemoryDeadLetters(IOptions<DeadLetterOptions> options, TimeProvider clock) : IDeadLetters
{
    private readonly Dictionary<string, List<DeadLetter>> _letters = [];
    private readonly Lock _lock = new();

    public Task Add(DeadLetter letter, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var letters = _letters.TryGetValue(letter.Function, out var list) ? list : _letters[letter.Function] = [];
            if (letters.All(l => l.Id != letter.Id))
                letters.Add(letter);
            var kept = Live(letters).Take(options.Value.MaxPerFunction).ToList();
            letters.RemoveAll(l => !kept.Contains(l));
        }
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<DeadLetter>> List(string function, int limit, DeadLetterCursor? before, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var letters = _letters.TryGetValue(function, out var list) ? Live(list) : [];
            return Task.FromResult(letters.Where(l => before is null || IsBefore(l, before)).Take(limit).ToImmutableArray());
        }
    }

    public Task<DeadLetter?> Get(string function, Guid id, CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult(_letters.TryGetValue(function, out var list) ? Live(list).FirstOrDefault(l => l.Id == id) : null);
    }

    public Task<bool> Delete(string function, Guid id, CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult(_letters.TryGetValue(function, out var list) && list.RemoveAll(l => l.Id == id) > 0);
    }

    /// <summary>Within the retention, newest first.</summary>
    private IEnumerable<DeadLetter> Live(List<DeadLetter> letters)
    {
        var since = clock.GetUtcNow() - options.Value.Retention;
        return letters.Where(l => l.FailedAt >= since).OrderByDescending(l => l.FailedAt).ThenByDescending(l => l.Id);
    }

    private static bool IsBefore(DeadLetter letter, DeadLetterCursor cursor) =>
        letter.FailedAt < cursor.FailedAt || letter.FailedAt == cursor.FailedAt && letter.Id.CompareTo(cursor.Id) < 0;
}
