using Orleans.Faas.Functions;
using Orleans.Faas.Profiles;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Tests.Benchmarks;

public sealed class EfficiencyTests
{
    private static ProviderSnapshot Provider(string id, double? cpuMs, double memoryMs = 100) => new(
        id, new NodeFacts(id, 2, 1L << 30, "cpu", null), [FunctionRuntime.Docker], ProviderStatus.Ready, ProviderLoad.Idle, "silo",
        DateTimeOffset.UnixEpoch,
        cpuMs is { } cpu ? new ProviderBenchmark(Stats(cpu), Stats(memoryMs), DateTimeOffset.UnixEpoch, Guid.Empty) : null);

    private static RunStatistics Stats(double wallMs) => new(wallMs, wallMs, wallMs, 0.05, 5, null, null, null, null, null, null);

    [Fact]
    public void Scores_are_reference_time_over_provider_time_and_the_reference_scores_one()
    {
        var scored = Efficiency.Score([Provider("fast", 100), Provider("slow", 400, memoryMs: 200)], "fast");

        Assert.True(scored[0].IsReference);
        Assert.Equal(1.0, scored[0].Scores!.CpuEfficiency);
        Assert.Equal(0.25, scored[1].Scores!.CpuEfficiency);
        Assert.Equal(0.5, scored[1].Scores!.MemoryEfficiency);
        Assert.Equal(0.05, scored[1].Scores!.CpuSpread);
        Assert.Equal("fast", scored[1].Scores!.Reference);
    }

    [Fact]
    public void Changing_the_reference_rebases_every_score()
    {
        var scored = Efficiency.Score([Provider("fast", 100), Provider("slow", 400)], "slow");

        Assert.Equal(4.0, scored[0].Scores!.CpuEfficiency);
        Assert.Equal(1.0, scored[1].Scores!.CpuEfficiency);
    }

    [Fact]
    public void Without_measurements_of_both_sides_or_a_reference_there_is_no_score()
    {
        Assert.Null(Efficiency.Score([Provider("a", 100), Provider("b", null)], "a")[1].Scores);
        Assert.Null(Efficiency.Score([Provider("a", null), Provider("b", 100)], "a")[1].Scores);
        Assert.All(Efficiency.Score([Provider("a", 100)], null), p => Assert.Null(p.Scores));
    }
}
