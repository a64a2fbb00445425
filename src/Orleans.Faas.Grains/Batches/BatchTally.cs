using Orleans.Faas.Tasks;

namespace Orleans.Faas.Batches;

/// <summary>
/// The status last heard of each of a batch's items, kept in the record's array, and how many items are at each status,
/// so that a snapshot and the finish check cost no pass over the items. A finished item's status is final.
/// </summary>
public sealed class BatchTally
{
    private readonly int[] _counts = new int[Enum.GetValues<TaskState>().Length];
    private byte[] _statuses = [];

    public int Total => _statuses.Length;

    /// <summary>How many items are at <paramref name="status"/>.</summary>
    public int this[TaskState status] => _counts[(int)status];

    public int Unfinished => Total - this[TaskState.Completed] - this[TaskState.Failed];

    /// <summary>Whether every item has finished (true of none).</summary>
    public bool IsFinished => Unfinished == 0;

    /// <summary>Counts <paramref name="statuses"/> (a <see cref="TaskState"/> each); from now on <see cref="Move"/> changes them in place.</summary>
    public void Track(byte[] statuses)
    {
        _statuses = statuses;
        Array.Clear(_counts);
        foreach (var status in statuses)
            _counts[status]++;
    }

    /// <summary>Records that the item reached <paramref name="status"/>; false, and nothing changes, when it was there already or had finished.</summary>
    public bool Move(int index, TaskState status)
    {
        var current = (TaskState)_statuses[index];
        if (current == status || TaskLifecycle.IsFinished(current))
            return false;
        _counts[(int)current]--;
        _counts[(int)status]++;
        _statuses[index] = (byte)status;
        return true;
    }
}
