using Orleans.Faas.Batches;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Tests.Batches;

public sealed class BatchTallyTests
{
    [Fact]
    public void Tracked_statuses_are_counted_by_status()
    {
        var (tally, _) = Tracking(TaskState.Queued, TaskState.Running, TaskState.Completed, TaskState.Queued);

        Assert.Equal((2, 1, 1, 0), Counts(tally));
        Assert.Equal((4, 3), (tally.Total, tally.Unfinished));
        Assert.False(tally.IsFinished);
    }

    [Fact]
    public void A_move_changes_the_count_and_the_status_in_place_and_the_tally_finishes_with_its_last_item()
    {
        var (tally, statuses) = Tracking(TaskState.Queued, TaskState.Queued);

        Assert.True(tally.Move(0, TaskState.Running));
        Assert.True(tally.Move(0, TaskState.Completed));
        Assert.True(tally.Move(1, TaskState.Failed));

        Assert.Equal([(byte)TaskState.Completed, (byte)TaskState.Failed], statuses);
        Assert.Equal((0, 0, 1, 1), Counts(tally));
        Assert.True(tally.IsFinished);
    }

    [Fact]
    public void A_repeated_status_or_any_move_after_a_finish_changes_nothing()
    {
        var (tally, statuses) = Tracking(TaskState.Running, TaskState.Completed);

        var moved = new[] { (0, TaskState.Running), (1, TaskState.Running), (1, TaskState.Failed) }.Select(m => tally.Move(m.Item1, m.Item2)).ToList();

        Assert.All(moved, m => Assert.False(m));
        Assert.Equal([(byte)TaskState.Running, (byte)TaskState.Completed], statuses);
        Assert.Equal((0, 1, 1, 0), Counts(tally));
    }

    private static (BatchTally Tally, byte[] Statuses) Tracking(params TaskState[] statuses)
    {
        var tally = new BatchTally();
        var tracked = statuses.Select(s => (byte)s).ToArray();
        tally.Track(tracked);
        return (tally, tracked);
    }

    private static (int Queued, int Running, int Completed, int Failed) Counts(BatchTally tally) =>
        (tally[TaskState.Queued], tally[TaskState.Running], tally[TaskState.Completed], tally[TaskState.Failed]);
}
