using System.Formats.Tar;
using Orleans.Faas.Runtime.Images;

namespace Orleans.Faas.Runtime.Python;

/// <summary>One entry of a root filesystem the node assembles: a folder, a link, or a file from the node or from memory.</summary>
/// <param name="Path">Its absolute path in the image.</param>
/// <param name="HostPath">The node's file it is a copy of, for a file from the node.</param>
internal sealed record RootfsEntry(string Path, TarEntryType Kind, UnixFileMode Mode, string? HostPath = null, string? LinkTarget = null, byte[]? Bytes = null)
{
    private const UnixFileMode FolderMode = (UnixFileMode)0b111_101_101;

    public static RootfsEntry Folder(string path, UnixFileMode mode = FolderMode) => new(path, TarEntryType.Directory, mode);

    public static RootfsEntry Link(string path, string target) => new(path, TarEntryType.SymbolicLink, (UnixFileMode)0b111_111_111, LinkTarget: target);

    /// <summary>A copy of the node's file, executable where the node's is.</summary>
    public static RootfsEntry File(string path, string hostPath) =>
        new(path, TarEntryType.RegularFile, IsExecutable(hostPath) ? ImageModes.Executable : ImageModes.Readable, hostPath);

    private static bool IsExecutable(string hostPath) =>
        !OperatingSystem.IsWindows() && (System.IO.File.GetUnixFileMode(hostPath) & UnixFileMode.UserExecute) != 0;

    public static RootfsEntry Content(string path, byte[] bytes, UnixFileMode mode) => new(path, TarEntryType.RegularFile, mode, Bytes: bytes);

    public async Task<byte[]> ReadAsync() => Bytes ?? await System.IO.File.ReadAllBytesAsync(HostPath!);

    public async Task WriteAsync(TarWriter layer, CancellationToken cancellationToken)
    {
        var name = Path.TrimStart('/') + (Kind == TarEntryType.Directory ? "/" : "");
        var entry = new PaxTarEntry(Kind, name) { Mode = Mode };
        if (Kind == TarEntryType.SymbolicLink)
            entry.LinkName = LinkTarget!;
        if (Kind != TarEntryType.RegularFile)
        {
            await layer.WriteEntryAsync(entry, cancellationToken);
            return;
        }
        await using var data = new MemoryStream(await ReadAsync(), writable: false);
        entry.DataStream = data;
        await layer.WriteEntryAsync(entry, cancellationToken);
    }
}
