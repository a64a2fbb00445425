using System.Formats.Tar;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orleans.Faas.Runtime.Docker;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Runtime.Images;

/// <summary>
/// An image the node builds itself, never pulls, by importing one layer it writes (<see cref="IImageContent"/>). It is
/// labelled with the content's hash, so a node whose content changed builds it again and any other reuses it.
/// </summary>
/// <param name="name">The image's name and tag.</param>
internal sealed class PlatformImage(DockerClient client, string name, IImageContent content)
{
    public const string ContentLabel = "orleans.faas.content";

    // Per process, not per runner: every runner of this process on the same engine would otherwise build it again.
    private static readonly SemaphoreSlim Building = new(1, 1);

    public string Name => name;

    /// <returns>The image's configuration, for its command.</returns>
    /// <exception cref="FunctionStartException">The node lacks what the content is made from, or the engine refused the image.</exception>
    public async Task<Config> ReadyAsync(CancellationToken cancellationToken)
    {
        string hash;
        try
        {
            hash = await content.HashAsync(cancellationToken);
        }
        catch (FunctionStartException e)
        {
            throw new FunctionStartException($"Image '{name}' is built on this node {e.Message}", e);
        }
        if (await CurrentAsync(hash, cancellationToken) is { } current)
            return current;

        await Building.WaitAsync(cancellationToken);
        try
        {
            if (await CurrentAsync(hash, cancellationToken) is { } builtMeanwhile)
                return builtMeanwhile;
            await BuildAsync(hash, cancellationToken);
            return (await client.Images.InspectImageAsync(name, cancellationToken)).Config;
        }
        finally
        {
            Building.Release();
        }
    }

    /// <returns>The image's configuration when it exists and holds this content; null when it must be built.</returns>
    private async Task<Config?> CurrentAsync(string hash, CancellationToken cancellationToken)
    {
        try
        {
            var config = (await client.Images.InspectImageAsync(name, cancellationToken)).Config;
            return config.Labels?.TryGetValue(ContentLabel, out var label) == true && label == hash ? config : null;
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
    }

    private async Task BuildAsync(string hash, CancellationToken cancellationToken)
    {
        using var layer = new MemoryStream();
        await using (var tar = new TarWriter(layer, TarEntryFormat.Pax, leaveOpen: true))
            await content.WriteLayerAsync(tar, cancellationToken);
        layer.Position = 0;

        var progress = new ProgressErrors();
        var import = new ImagesCreateParameters { FromSrc = "-", Repo = name, Changes = [.. content.Changes, $"LABEL {ContentLabel}={hash}"] };
        await client.Images.CreateImageAsync(import, layer, null, progress, cancellationToken);
        if (progress.First is { } error)
            throw new FunctionStartException($"Building image '{name}' from {content.Origin} failed: {error}");
    }
}
