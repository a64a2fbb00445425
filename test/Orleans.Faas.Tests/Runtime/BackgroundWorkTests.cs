using Orleans.Faas.Runtime.Docker;

namespace Orleans.Faas.Tests.Runtime;

public sealed class BackgroundWorkTests
{
    [Fact]
    public async Task Waiting_for_all_waits_for_work_still_running_and_not_for_work_that_ended()
    {
        var work = new BackgroundWork();
        var running = new TaskCompletionSource();
        work.Start(Task.CompletedTask);
        work.Start(running.Task);

        var all = work.WhenAll();

        Assert.False(all.IsCompleted);
        running.SetResult();
        await all.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(work.WhenAll().IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_failure_of_the_work_surfaces_when_waiting_for_all()
    {
        var work = new BackgroundWork();
        var failing = new TaskCompletionSource();
        work.Start(failing.Task);
        var all = work.WhenAll();

        failing.SetException(new InvalidOperationException("boom"));

        Assert.Equal("boom", (await Assert.ThrowsAsync<InvalidOperationException>(() => all)).Message);
    }
}
