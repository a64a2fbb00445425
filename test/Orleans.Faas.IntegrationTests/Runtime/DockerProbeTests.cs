using System.Diagnostics;
using Orleans.Faas.IntegrationTests.Hosting;
using Orleans.Faas.Runtime.Docker;

namespace Orleans.Faas.IntegrationTests.Runtime;

public sealed class DockerProbeTests
{
    [Fact]
    public async Task The_test_engine_answers_with_its_version()
    {
        var probe = await DockerProbe.ProbeAsync(TestEnvironment.DockerEndpoint, CancellationToken.None);

        Assert.True(probe.Answered, probe.Description);
        Assert.StartsWith("Docker ", probe.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unix:///tmp/faas-no-docker-here/docker.sock")]
    [InlineData("tcp://127.0.0.1:1")]
    [InlineData("not an endpoint")]
    public async Task A_bogus_endpoint_is_a_no_with_a_reason(string endpoint)
    {
        var clock = Stopwatch.StartNew();

        var probe = await DockerProbe.ProbeAsync(endpoint, CancellationToken.None);

        Assert.False(probe.Answered);
        Assert.False(string.IsNullOrWhiteSpace(probe.Description));
        Assert.True(clock.Elapsed < DockerProbe.Timeout + TimeSpan.FromSeconds(1), $"The probe took {clock.Elapsed}.");
    }
}
