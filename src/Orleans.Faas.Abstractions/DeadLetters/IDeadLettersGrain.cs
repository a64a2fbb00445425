using System.Collections.Immutable;

namespace Orleans.Faas.DeadLetters;

/// <summary>One function's dead letters (keyed by its qualified name), read and removed through any silo's store.</summary>
[Alias("faas.IDeadLettersGrain")]
public interface IDeadLettersGrain : IGrainWithStringKey
{
    [Alias("List")]
    Task<ImmutableArray<DeadLetter>> List(int limit, DeadLetterCursor? before);

    [Alias("Get")]
    Task<DeadLetter?> Get(Guid id);

    [Alias("Delete")]
    Task<bool> Delete(Guid id);
}
