using Orleans.Faas.Tasks;

namespace Orleans.Faas.Tests.Tasks;

public sealed class TaskLifecycleTests
{
    public static TheoryData<TaskState, TaskState> Legal => new()
    {
        { TaskState.Queued, TaskState.Running },
        { TaskState.Queued, TaskState.Failed },
        { TaskState.Running, TaskState.Completed },
        { TaskState.Running, TaskState.Failed },
        { TaskState.Running, TaskState.Queued },
    };

    [Fact]
    public void Exactly_the_documented_moves_are_legal()
    {
        var legal = Legal.Select(row => ((TaskState)row[0], (TaskState)row[1])).ToHashSet();
        foreach (var from in Enum.GetValues<TaskState>())
        {
            foreach (var to in Enum.GetValues<TaskState>())
                Assert.Equal(legal.Contains((from, to)), TaskLifecycle.IsLegal(from, to));
        }
    }

    [Theory]
    [InlineData(TaskState.Completed)]
    [InlineData(TaskState.Failed)]
    public void Finished_tasks_never_move_again(TaskState finished) =>
        Assert.DoesNotContain(Enum.GetValues<TaskState>(), to => TaskLifecycle.IsLegal(finished, to));
}
