using System.Formats.Tar;
using System.Security.Cryptography;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Runtime.Images;

/// <summary>One of the node's own static binaries as an image's only program (its command), and an empty /tmp.</summary>
/// <param name="binaryPath">The binary on the node.</param>
/// <param name="program">Where the binary goes in the image.</param>
internal sealed class ProgramImageContent(string binaryPath, string program) : IImageContent
{
    public string Origin => binaryPath;

    public IReadOnlyList<string> Changes => [$"CMD [\"{program}\"]"];

    public async Task<string> HashAsync(CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(SHA256.HashData(await ReadBinaryAsync(cancellationToken)));

    public async Task WriteLayerAsync(TarWriter layer, CancellationToken cancellationToken)
    {
        await layer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, "tmp/") { Mode = ImageModes.WorldWritable }, cancellationToken);
        await using var data = new MemoryStream(await ReadBinaryAsync(cancellationToken), writable: false);
        await layer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, program.TrimStart('/')) { Mode = ImageModes.Executable, DataStream = data }, cancellationToken);
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
                $"from {binaryPath}, which is missing: the node was built without a C compiler (apt-get install gcc libc6-dev).", e);
        }
    }
}
