using System.Formats.Tar;
using System.Security.Cryptography;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orleans.Faas.Functions;
using Orleans.Faas.IntegrationTests.Hosting;
using Orleans.Faas.Runtime.Benchmarks;
using Orleans.Faas.Runtime.Docker;
using Orleans.Faas.Runtime.Images;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.IntegrationTests.Runtime;

/// <summary>The benchmark image a node builds itself from its own faas-bench, on the real dockerd: built once, reused, rebuilt when stale, never pulled.</summary>
[Collection(BenchmarkImageCollection.Name)]
public sealed class BenchmarkImageTests : RunnerOnTestDocker
{
    private static readonly string Content = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(new DockerOptions().WorkloadsPath)));

    [Fact]
    public async Task The_image_is_built_on_first_use_reused_while_its_label_matches_and_built_again_once_removed()
    {
        await RemoveImageAsync();

        await RunAsync(Runner);
        var built = await Docker.Images.InspectImageAsync(BenchmarkWorkloads.Image);
        await RunAsync(Runner);
        var reused = await Docker.Images.InspectImageAsync(BenchmarkWorkloads.Image);
        await RemoveImageAsync();
        await RunAsync(Runner);
        var rebuilt = await Docker.Images.InspectImageAsync(BenchmarkWorkloads.Image);

        Assert.Equal(Content, built.Config.Labels[PlatformImage.ContentLabel]);
        Assert.Equal([BenchmarkWorkloads.Program], built.Config.Cmd);
        Assert.Equal(built.ID, reused.ID);
        Assert.NotEqual(built.ID, rebuilt.ID);
        Assert.Equal(Content, rebuilt.Config.Labels[PlatformImage.ContentLabel]);
    }

    [Fact]
    public async Task An_image_labelled_with_another_binary_is_built_again()
    {
        await RemoveImageAsync();
        var stale = await ImportStaleImageAsync();

        await RunAsync(Runner);

        var current = await Docker.Images.InspectImageAsync(BenchmarkWorkloads.Image);
        Assert.NotEqual(stale, current.ID);
        Assert.Equal(Content, current.Config.Labels[PlatformImage.ContentLabel]);
    }

    [Fact]
    public async Task Concurrent_first_uses_by_two_runners_build_it_once()
    {
        await RemoveImageAsync();
        await using var second = TestDockerRunners.Create();
        var before = await BuildsOfThisBinaryAsync();

        await Task.WhenAll(RunAsync(Runner), RunAsync(second), RunAsync(Runner), RunAsync(second));

        Assert.Equal(before + 1, await BuildsOfThisBinaryAsync());
    }

    [Fact]
    public async Task It_is_never_pulled_whatever_the_pull_policy()
    {
        await RemoveImageAsync();

        // The test dockerd reaches no registry: a pull would fail the run.
        var outcome = await Runner.RunAsync(BenchmarkWorkloads.Cpu(FunctionName(), 0.01) with { PullPolicy = ImagePullPolicy.Always },
            ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Logs);
    }

    [Fact]
    public async Task A_node_without_the_workloads_binary_fails_the_run_saying_so()
    {
        var missing = Path.Combine(TestEnvironment.WorkFolder, $"no-{Guid.NewGuid():N}", "faas-bench");
        await using var runner = TestDockerRunners.Create(docker: o => o.WorkloadsPath = missing);

        var failure = await Assert.ThrowsAsync<FunctionStartException>(() => RunAsync(runner));

        Assert.Contains($"from {missing}, which is missing", failure.Message, StringComparison.Ordinal);
    }

    private static async Task RunAsync(DockerRunner runner)
    {
        var outcome = await runner.RunAsync(BenchmarkWorkloads.Cpu(FunctionName(), 0.01), ReadOnlyMemory<byte>.Empty, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Logs);
    }

    private static string FunctionName() => $"bench-{Guid.NewGuid():N}";

    private async Task RemoveImageAsync()
    {
        try
        {
            // Forced: a warm container may still use it; the image then stays, untagged, until that container goes.
            await Docker.Images.DeleteImageAsync(BenchmarkWorkloads.Image, new ImageDeleteParameters { Force = true });
        }
        catch (DockerImageNotFoundException)
        {
            // Not built yet.
        }
    }

    /// <summary>Images built from this binary, tagged or not: a second build would leave the first untagged but still there.</summary>
    private async Task<int> BuildsOfThisBinaryAsync() =>
        (await Docker.Images.ListImagesAsync(new ImagesListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{PlatformImage.ContentLabel}={Content}"] = true } },
        })).Count;

    /// <returns>The id of an image under the benchmark image's name whose label names another binary.</returns>
    private async Task<string> ImportStaleImageAsync()
    {
        using var layer = new MemoryStream();
        await using (var tar = new TarWriter(layer, leaveOpen: true))
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, "tmp/"));
        layer.Position = 0;
        await Docker.Images.CreateImageAsync(
            new ImagesCreateParameters { FromSrc = "-", Repo = BenchmarkWorkloads.Image, Changes = [$"LABEL {PlatformImage.ContentLabel}=stale"] },
            layer, null, new Progress<JSONMessage>());
        return (await Docker.Images.InspectImageAsync(BenchmarkWorkloads.Image)).ID;
    }
}
