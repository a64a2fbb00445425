using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Faas;

/// <summary>
/// A grain's persistent state as it is stored: a change is made to a copy, the copy is written, and only a written copy
/// becomes <see cref="Current"/>. Readers that interleave with a write see the state before it, and a write that fails
/// leaves the state as storage has it (what the next activation reads), so nobody sees a change that was not stored.
/// </summary>
public sealed class StoredRecord<T>(IPersistentState<T> state, DeepCopier<T> copier) where T : class, new()
{
    private T? _stored;

    /// <summary>The state as last read or written.</summary>
    public T Current => _stored ??= state.State;

    /// <summary>
    /// Stores <paramref name="change"/> applied to a copy of <see cref="Current"/>; a failed write changes nothing and
    /// throws <see cref="ChangeNotStoredException"/> (or, when another activation wrote since, Orleans' own exception,
    /// on which Orleans deactivates the grain so that it reads the state again).
    /// </summary>
    public async Task Change(Action<T> change)
    {
        var next = copier.Copy(Current)!;
        change(next);
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            state.State = Current;
            if (e is InconsistentStateException)
                throw;
            throw new ChangeNotStoredException(e.Message);
        }
        _stored = next;
    }

    /// <summary>Deletes the stored state; only once it is gone does <see cref="Current"/> become a new, empty one.</summary>
    public async Task Clear()
    {
        await state.ClearStateAsync();
        state.State = _stored = new T();
    }
}
