using System.Globalization;
using System.Text.Json.Nodes;
using Orleans.Faas.Runtime.Benchmarks;
using Orleans.Faas.Runtime.Docker;
using static Orleans.Faas.IntegrationTests.Runtime.RunBytes;

namespace Orleans.Faas.IntegrationTests.Runtime;

/// <summary>The benchmark workloads in the image the node builds itself, on the real dockerd, capped and not.</summary>
[Collection(BenchmarkImageCollection.Name)]
public sealed class BenchmarkWorkloadTests : RunnerOnTestDocker
{
    [Theory]
    [InlineData("cpu")]
    [InlineData("memory")]
    public async Task A_workload_prints_one_line_of_json_with_its_checksum(string workload)
    {
        var function = workload == "cpu" ? BenchmarkWorkloads.Cpu(FunctionName(), 0.05) : BenchmarkWorkloads.Memory(FunctionName(), 0.05);

        var outcome = await Runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Logs);
        var lines = Text(outcome.Output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var json = JsonNode.Parse(Assert.Single(lines))!;
        Assert.Equal(workload, json["workload"]!.GetValue<string>());
        Assert.Equal(0.05, json["scale"]!.GetValue<double>());
        Assert.Matches("^[0-9a-f]{16}$", json["checksum"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bad_argument_exits_with_2_and_says_why()
    {
        var function = BenchmarkWorkloads.Cpu(FunctionName()) with { Command = [BenchmarkWorkloads.Program, "gpu"] };

        var outcome = await Runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("the workload must be cpu or memory", outcome.Logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cpu_cap_of_a_quarter_core_makes_the_cpu_workload_take_about_four_times_as_long()
    {
        await using var capped = TestDockerRunners.Create(docker: o => o.CpuCap = 0.25);

        // Several CFS periods (100 ms) long even uncapped, so the quota's rounding to whole periods stays small.
        var full = await FastestAsync(Runner, quota: 1);
        var quarter = await FastestAsync(capped, quota: 0.25);

        var ratio = quarter / full;
        Assert.True(ratio > 2.5, string.Create(CultureInfo.InvariantCulture, $"capped {quarter:0} ms vs uncapped {full:0} ms: {ratio:0.00}x"));
    }

    /// <returns>The shortest wall time, in ms, of three runs: other work on the machine only ever adds time.</returns>
    private static async Task<double> FastestAsync(DockerRunner runner, double quota)
    {
        var function = BenchmarkWorkloads.Cpu(FunctionName(), 0.5);
        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var outcome = await runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None);
            Assert.True(outcome.Succeeded, outcome.Logs);
            Assert.Equal(quota, outcome.Conditions?.CpuQuota);
            times.Add(outcome.WallTime.TotalMilliseconds);
        }
        return times.Min();
    }

    private static string FunctionName() => $"bench-{Guid.NewGuid():N}";
}
