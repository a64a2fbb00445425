using Orleans.Faas.Tasks;

namespace Orleans.Faas.Batches;

/// <summary>
/// A batch's items that have no task yet, in input order, and the stored <see cref="BatchBacklog"/> their tasks are made
/// from. An item leaves once its task is submitted (or its submission refused for good); the backlog is let go once none
/// is left, and until then a new activation takes its items up again.
/// </summary>
public sealed class WaitingItems(IPersistentState<BatchBacklog> backlog)
{
    private readonly SortedSet<int> _waiting = [];

    public int Count => _waiting.Count;

    /// <summary>The waiting item that comes first in input order.</summary>
    public int First => _waiting.Min;

    /// <summary>How many items the stored backlog holds: none once it is let go.</summary>
    public int Stored => backlog.State.Inputs.Count;

    public bool Contains(int index) => _waiting.Contains(index);

    /// <summary>The waiting items as they are now, in input order.</summary>
    public int[] ToArray() => [.. _waiting];

    /// <summary>Stores a starting batch's items; none waits until <see cref="TakeUp"/> (once the batch's record is stored too).</summary>
    public Task Store(BatchBacklog items)
    {
        backlog.State = items;
        return backlog.WriteStateAsync();
    }

    /// <summary>Makes every stored item wait but those <paramref name="hasFinished"/> says finished; one that has its task already finds it when offered.</summary>
    public void TakeUp(Func<int, bool> hasFinished) => _waiting.UnionWith(backlog.State.Inputs.Keys.Where(i => !hasFinished(i)));

    /// <summary>What the task of the item at <paramref name="index"/> of batch <paramref name="batchId"/> is made from.</summary>
    public TaskSubmission SubmissionOf(Guid batchId, int index)
    {
        var left = backlog.State;
        return TaskSubmissions.For(left.Plan!, left.Inputs[index], left.Options, new BatchMembership(batchId, index));
    }

    /// <summary>The item has its task, or will never have one.</summary>
    public void Remove(int index) => _waiting.Remove(index);

    public void Clear() => _waiting.Clear();

    /// <summary>Clears the stored backlog (once none of its items waits): a silo lost before it is cleared leaves it for the next activation.</summary>
    public async Task LetGo()
    {
        if (Stored == 0)
            return;
        await backlog.ClearStateAsync();
        backlog.State = new BatchBacklog();
    }
}
