using System.Collections.Immutable;

namespace Orleans.Faas.DeadLetters;

/// <summary>
/// The store of dead letters, per function, bounded by <see cref="DeadLetterOptions"/>: in PostgreSQL in cluster mode,
/// in process in embedded mode. What is past the retention is never read, whether or not it is deleted yet.
/// </summary>
public interface IDeadLetters
{
    /// <summary>Stores the letter, then drops its function's letters beyond the bounds, oldest first; adding one whose id is stored changes nothing.</summary>
    Task Add(DeadLetter letter, CancellationToken cancellationToken);

    /// <summary>A function's letters newest first, those before <paramref name="before"/> in that order when it is given.</summary>
    Task<ImmutableArray<DeadLetter>> List(string function, int limit, DeadLetterCursor? before, CancellationToken cancellationToken);

    Task<DeadLetter?> Get(string function, Guid id, CancellationToken cancellationToken);

    /// <returns>Whether there was such a letter.</returns>
    Task<bool> Delete(string function, Guid id, CancellationToken cancellationToken);
}
