using Orleans.Serialization;

namespace Orleans.Faas;

/// <summary>
/// Changes a grain's state only once the change is stored: the change is made to a copy, the copy is written, and
/// only a written copy becomes the state. A write that fails leaves the state as storage has it (what the next
/// activation reads) and goes to the caller, so nobody sees a change that a database blip then loses.
/// </summary>
public static class StoredChanges
{
    public static async Task Change<T>(this IPersistentState<T> state, DeepCopier<T> copier, Action<T> change) where T : class
    {
        var stored = state.State;
        var next = copier.Copy(stored)!;
        change(next);
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = stored;
            throw;
        }
    }
}
