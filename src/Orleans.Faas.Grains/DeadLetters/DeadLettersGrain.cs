using System.Collections.Immutable;

namespace Orleans.Faas.DeadLetters;

/// <summary>Holds nothing itself: the store is shared by every silo, so any silo's activation will do.</summary>
[StatelessWorker]
public sealed class DeadLettersGrain(IDeadLetters store) : Grain, IDeadLettersGrain
{
    private string Function => this.GetPrimaryKeyString();

    public Task<ImmutableArray<DeadLetter>> List(int limit, DeadLetterCursor? before) => store.List(Function, limit, before, CancellationToken.None);

    public Task<DeadLetter?> Get(Guid id) => store.Get(Function, id, CancellationToken.None);

    public Task<bool> Delete(Guid id) => store.Delete(Function, id, CancellationToken.None);
}
