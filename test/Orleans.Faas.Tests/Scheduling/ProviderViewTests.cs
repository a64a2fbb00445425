using Orleans.Faas.Profiles;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling.View;

namespace Orleans.Faas.Tests.Scheduling;

public sealed class ProviderViewTests
{
    private static readonly ProviderBenchmark Fast = Benchmark(cpuMs: 100);
    private static readonly ProviderBenchmark Slow = Benchmark(cpuMs: 400);

    [Fact]
    public void An_older_snapshot_arriving_late_is_ignored()
    {
        var view = new ProviderView();
        view.Apply(Placements.Provider("p", load: new ProviderLoad(3, 0, 4)), revision: 2);
        view.Apply(Placements.Provider("p", load: new ProviderLoad(1, 0, 4)), revision: 1);

        Assert.Equal(3, view.Find("p")!.Load.Running);
    }

    [Fact]
    public void Providers_are_scored_against_the_reference_and_rescored_when_it_changes()
    {
        var view = new ProviderView();
        view.Apply(Unscored("fast", Fast), 1);
        view.Apply(Unscored("slow", Slow), 1);

        view.SetReference("fast");
        Assert.Equal(0.25, view.Find("slow")!.Scores!.CpuEfficiency, 6);
        Assert.True(view.Find("fast")!.IsReference);

        view.SetReference("slow");
        Assert.Equal(4, view.Find("fast")!.Scores!.CpuEfficiency, 6);
        Assert.False(view.Find("fast")!.IsReference);
    }

    [Fact]
    public void A_placement_counts_as_queued_work_until_the_worker_answers_with_its_load()
    {
        var view = new ProviderView();
        view.Apply(Placements.Provider("p", load: new ProviderLoad(1, 0, 1, PendingMs: 100)), 1);

        view.Reserve("p", 250);
        Assert.Equal((1, 1, 350.0), (view.Find("p")!.Load.Running, view.Find("p")!.Load.Queued, view.Find("p")!.Load.PendingMs));

        view.Observe("p", new ProviderLoad(1, 1, 1, PendingMs: 300));
        Assert.Equal(300, view.Find("p")!.Load.PendingMs);
    }

    [Fact]
    public async Task Neither_a_rescoring_nor_a_load_is_lost_to_placements_made_at_the_same_time()
    {
        for (var round = 0; round < 200; round++)
        {
            var view = new ProviderView();
            view.Apply(Unscored("p", Fast), 1);
            using var stop = new CancellationTokenSource();
            var reserved = 0;
            var placing = Task.Run(() =>
            {
                for (; !stop.IsCancellationRequested || reserved < 100; reserved++)
                    view.Reserve("p", 1);
            });
            while (Volatile.Read(ref reserved) < 50)
                Thread.Yield();

            view.SetReference("p");
            await stop.CancelAsync();
            await placing;

            Assert.True(view.Find("p")!.IsReference, $"round {round}: the reference lost its rescoring");
            Assert.Equal(reserved, view.Find("p")!.Load.Queued);
        }
    }

    private static ProviderSnapshot Unscored(string id, ProviderBenchmark benchmark) => Placements.Provider(id) with { Benchmark = benchmark };

    private static ProviderBenchmark Benchmark(double cpuMs)
    {
        var cpu = new RunStatistics(cpuMs, cpuMs, cpuMs, 0, 5, cpuMs, null, null, null, null, null);
        return new ProviderBenchmark(cpu, cpu, DateTimeOffset.UnixEpoch, Guid.Empty);
    }
}
