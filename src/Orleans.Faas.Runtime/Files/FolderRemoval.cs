using System.Globalization;
using System.Runtime.InteropServices;

namespace Orleans.Faas.Runtime.Files;

/// <summary>
/// Removes a folder that another user can change while it is removed (a process run's folder), without ever following
/// a link: every step is relative to a folder already opened with <c>O_NOFOLLOW</c>, so a link swapped in midway is
/// removed as a link, and nothing outside the folder is touched. .NET's recursive delete walks by path, which a swapped
/// parent sends elsewhere.
/// </summary>
internal static partial class FolderRemoval
{
    private const int CurrentFolder = -100;
    private const int RemoveFolder = 0x200;
    private const int NoSuchEntry = 2;
    private const int IsAFolder = 21;
    private const int MaxDepth = 128;

    // O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC: the first two differ on ARM.
    private static readonly int OpenFolderFlags = RuntimeInformation.ProcessArchitecture is Architecture.Arm or Architecture.Arm64
        ? 0x4000 | 0x8000 | 0x80000
        : 0x10000 | 0x20000 | 0x80000;

    /// <summary>Removes <paramref name="path"/> and all it holds; a path that is not a folder (e.g. a link) is refused.</summary>
    /// <exception cref="IOException">Something could not be removed, with the system's reason.</exception>
    public static void Remove(string path)
    {
        var folder = Open(CurrentFolder, path) ?? throw new DirectoryNotFoundException($"{path} is gone.");
        try
        {
            RemoveContents(folder, path, depth: 0);
        }
        finally
        {
            Close(folder);
        }
        if (UnlinkAt(CurrentFolder, path, RemoveFolder) != 0 && Marshal.GetLastPInvokeError() != NoSuchEntry)
            throw Failure(path);
    }

    private static void RemoveContents(int folder, string path, int depth)
    {
        if (depth > MaxDepth)
            throw new IOException($"{path} is nested more than {MaxDepth} folders deep; it is left.");
        // The open folder's names, listed through its descriptor rather than its path.
        var names = Directory.EnumerateFileSystemEntries(string.Create(CultureInfo.InvariantCulture, $"/proc/self/fd/{folder}"))
            .Select(Path.GetFileName).ToList();
        foreach (var name in names)
        {
            var entry = Path.Combine(path, name!);
            if (UnlinkAt(folder, name!, 0) == 0)
                continue;
            var error = Marshal.GetLastPInvokeError();
            if (error == NoSuchEntry)
                continue;
            if (error != IsAFolder)
                throw Failure(entry, error);
            if (Open(folder, name!) is not { } inner)
                continue;
            try
            {
                RemoveContents(inner, entry, depth + 1);
            }
            finally
            {
                Close(inner);
            }
            if (UnlinkAt(folder, name!, RemoveFolder) != 0 && Marshal.GetLastPInvokeError() != NoSuchEntry)
                throw Failure(entry);
        }
    }

    /// <returns>The folder's descriptor; null when it is gone.</returns>
    private static int? Open(int folder, string name)
    {
        var opened = OpenAt(folder, name, OpenFolderFlags);
        if (opened >= 0)
            return opened;
        return Marshal.GetLastPInvokeError() == NoSuchEntry ? null : throw Failure(name);
    }

    private static IOException Failure(string path, int? error = null)
    {
        var errno = error ?? Marshal.GetLastPInvokeError();
        return new IOException($"{path} could not be removed: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
    }

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenAt(int folder, string name, int flags);

    [LibraryImport("libc", EntryPoint = "unlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UnlinkAt(int folder, string name, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
