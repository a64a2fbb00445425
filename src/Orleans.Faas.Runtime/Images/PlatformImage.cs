using System.Formats.Tar;
using System.Security.Cryptography;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orleans.Faas.Runtime.Docker;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Runtime.Images;

/// <summary>
/// An image the node builds itself, never pulls: one of its own static binaries as the only program, and an empty
/// /tmp. It is labelled with the binary's hash, so a node whose binary changed builds it again and any other reuses it.
/// </summary>
/// <param name="name">The image's name and tag.</param>
/// <param name="binaryPath">The binary on the node.</param>
/// <param name="program">Where the binary goes in the image; also the image's command.</param>
internal sealed class PlatformImage(DockerClient client, string name, string binaryPath, string program)
{
    public const string ContentLabel = "orleans.faas.content";

    private const UnixFileMode Executable = (UnixFileMode)0b111_101_101;
    private const UnixFileMode WorldWritable = UnixFileMode.StickyBit | (UnixFileMode)0b111_111_111;

    // Per process, not per runner: every runner of this process on the same engine would otherwise build it again.
    private static readonly SemaphoreSlim Building = new(1, 1);

    public string Name => name;

    /// <returns>The image's configuration, for its command.</returns>
    /// <exception cref="FunctionStartException">The binary is missing (the node was built without a C compiler), or the engine refused the image.</exception>
    public async Task<Config> ReadyAsync(CancellationToken cancellationToken)
    {
        var binary = await ReadBinaryAsync(cancellationToken);
        var content = Convert.ToHexStringLower(SHA256.HashData(binary));
        if (await CurrentAsync(content, cancellationToken) is { } current)
            return current;

        await Building.WaitAsync(cancellationToken);
        try
        {
            if (await CurrentAsync(content, cancellationToken) is { } builtMeanwhile)
                return builtMeanwhile;
            await BuildAsync(binary, content, cancellationToken);
            return (await client.Images.InspectImageAsync(name, cancellationToken)).Config;
        }
        finally
        {
            Building.Release();
        }
    }

    private async Task<byte[]> ReadBinaryAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(binaryPath, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FunctionStartException(
                $"Image '{name}' is built on this node from {binaryPath}, which is missing: the node was built without a C compiler (apt-get install gcc libc6-dev).", e);
        }
    }

    /// <returns>The image's configuration when it exists and holds this binary; null when it must be built.</returns>
    private async Task<Config?> CurrentAsync(string content, CancellationToken cancellationToken)
    {
        try
        {
            var config = (await client.Images.InspectImageAsync(name, cancellationToken)).Config;
            return config.Labels?.TryGetValue(ContentLabel, out var label) == true && label == content ? config : null;
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
    }

    private async Task BuildAsync(byte[] binary, string content, CancellationToken cancellationToken)
    {
        using var layer = new MemoryStream();
        await using (var tar = new TarWriter(layer, TarEntryFormat.Pax, leaveOpen: true))
        {
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, "tmp/") { Mode = WorldWritable }, cancellationToken);
            await using var data = new MemoryStream(binary, writable: false);
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, program.TrimStart('/')) { Mode = Executable, DataStream = data }, cancellationToken);
        }
        layer.Position = 0;

        var progress = new ProgressErrors();
        var import = new ImagesCreateParameters { FromSrc = "-", Repo = name, Changes = [$"CMD [\"{program}\"]", $"LABEL {ContentLabel}={content}"] };
        await client.Images.CreateImageAsync(import, layer, null, progress, cancellationToken);
        if (progress.First is { } error)
            throw new FunctionStartException($"Building image '{name}' from {binaryPath} failed: {error}");
    }
}
