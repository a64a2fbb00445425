using System.Text;
using Docker.DotNet;
using Orleans.Faas.Functions;
using Orleans.Faas.IntegrationTests.Hosting;
using Orleans.Faas.Runtime.Docker;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.IntegrationTests.Runtime;

/// <summary>Pull policies against the real dockerd, which has no registry to reach here: a pull fails fast with the engine's error.</summary>
public sealed class ImagePullTests : IAsyncLifetime
{
    private readonly DockerRunner _runner = TestDockerRunners.Create();
    private readonly DockerClient _docker = new DockerClientConfiguration(new Uri(TestEnvironment.DockerEndpoint)).CreateClient();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _runner.DisposeAsync();
        _docker.Dispose();
    }

    [Fact]
    public async Task A_present_image_is_not_pulled_under_if_not_present()
    {
        var outcome = await _runner.RunAsync(TestFunctions.Docker("echo", "local") with { PullPolicy = ImagePullPolicy.IfNotPresent },
            ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal("local\n", Encoding.UTF8.GetString(outcome.Output));
    }

    [Fact]
    public async Task A_missing_image_is_pulled_under_if_not_present_and_the_failed_pull_says_why()
    {
        var function = TestFunctions.Docker() with { Image = Missing() };

        var failure = await Assert.ThrowsAsync<FunctionStartException>(() => _runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None));

        Assert.StartsWith($"Pulling image '{function.Image}' failed: ", failure.Message, StringComparison.Ordinal);
        Assert.True(failure.Message.Length > $"Pulling image '{function.Image}' failed: ".Length + 5, failure.Message);
        Assert.Empty(await _docker.ContainersOf(function));
    }

    [Fact]
    public async Task A_missing_image_under_never_fails_without_a_pull()
    {
        var function = TestFunctions.Docker() with { Image = Missing(), PullPolicy = ImagePullPolicy.Never };

        var failure = await Assert.ThrowsAsync<FunctionStartException>(() => _runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None));

        Assert.StartsWith($"Image '{function.Image}' is not present on this node and its pull policy is Never", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Always_pulls_even_a_present_image()
    {
        var function = TestFunctions.Docker("echo", "x") with { PullPolicy = ImagePullPolicy.Always };

        var failure = await Assert.ThrowsAsync<FunctionStartException>(() => _runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None));

        Assert.StartsWith($"Pulling image '{function.Image}' failed: ", failure.Message, StringComparison.Ordinal);
    }

    private static string Missing() => $"faas-samples/not-built-{Guid.NewGuid():N}:latest";
}
