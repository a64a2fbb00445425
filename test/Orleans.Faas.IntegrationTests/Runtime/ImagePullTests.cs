using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Runners;
using static Orleans.Faas.IntegrationTests.Runtime.RunBytes;

namespace Orleans.Faas.IntegrationTests.Runtime;

/// <summary>Pull policies against the real dockerd, which has no registry to reach here: a pull fails fast with the engine's error.</summary>
public sealed class ImagePullTests : RunnerOnTestDocker
{
    [Fact]
    public async Task A_present_image_is_not_pulled_under_if_not_present()
    {
        var outcome = await Runner.RunAsync(TestFunctions.Docker("echo", "local") with { PullPolicy = ImagePullPolicy.IfNotPresent },
            ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal("local\n", Text(outcome.Output));
    }

    [Fact]
    public async Task A_missing_image_is_pulled_under_if_not_present_and_the_failed_pull_says_why()
    {
        var function = TestFunctions.Docker() with { Image = Missing() };

        var failure = await Assert.ThrowsAsync<FunctionStartException>(() => Runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None));

        Assert.StartsWith($"Pulling image '{function.Image}' failed: ", failure.Message, StringComparison.Ordinal);
        Assert.True(failure.Message.Length > $"Pulling image '{function.Image}' failed: ".Length + 5, failure.Message);
        Assert.Empty(await Docker.ContainersOf(function));
    }

    [Fact]
    public async Task A_missing_image_under_never_fails_without_a_pull()
    {
        var function = TestFunctions.Docker() with { Image = Missing(), PullPolicy = ImagePullPolicy.Never };

        var failure = await Assert.ThrowsAsync<FunctionStartException>(() => Runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None));

        Assert.StartsWith($"Image '{function.Image}' is not present on this node and its pull policy is Never", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Always_pulls_even_a_present_image()
    {
        var function = TestFunctions.Docker("echo", "x") with { PullPolicy = ImagePullPolicy.Always };

        var failure = await Assert.ThrowsAsync<FunctionStartException>(() => Runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None));

        Assert.StartsWith($"Pulling image '{function.Image}' failed: ", failure.Message, StringComparison.Ordinal);
    }

    private static string Missing() => $"faas-samples/not-built-{Guid.NewGuid():N}:latest";
}
