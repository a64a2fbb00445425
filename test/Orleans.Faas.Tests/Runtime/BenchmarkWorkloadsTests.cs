using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Functions;
using Orleans.Faas.Runtime.Benchmarks;

namespace Orleans.Faas.Tests.Runtime;

public sealed class BenchmarkWorkloadsTests
{
    [Fact]
    public void A_workload_is_a_valid_docker_function_of_the_benchmark_image_that_is_never_pulled()
    {
        var cpu = BenchmarkWorkloads.Cpu("bench-cpu", 0.25);
        var memory = BenchmarkWorkloads.Memory("bench-memory");

        Assert.Equal(["/faas-bench", "cpu", "0.25"], cpu.Command.ToArray());
        Assert.Equal(["/faas-bench", "memory", "1"], memory.Command.ToArray());
        Assert.All([cpu, memory], function =>
        {
            Assert.Empty(FunctionDefinitionValidator.Validate(function));
            Assert.Equal(FunctionRuntime.Docker, function.Runtime);
            Assert.Equal("orleans-faas/benchmark:latest", function.Image);
            Assert.Equal(1.0, function.Cpu);
            Assert.Equal(128, function.MemoryMiB);
            Assert.Equal(TimeSpan.FromSeconds(120), function.Timeout);
            Assert.True(function.KeepWarm);
            Assert.Equal(ImagePullPolicy.Never, function.PullPolicy);
        });
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(2e6)]
    public void A_scale_faas_bench_would_refuse_is_refused_here(double scale)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BenchmarkWorkloads.Cpu("bench-cpu", scale));
    }
}
