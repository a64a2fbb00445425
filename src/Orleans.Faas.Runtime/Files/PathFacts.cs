using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Orleans.Faas.Runtime.Files;

/// <summary>
/// What a path itself is (a link is not followed) and whose it is, read with libc's <c>statx</c>, whose layout is the
/// same on every architecture; .NET does not tell a file's owner.
/// </summary>
internal readonly partial record struct PathFacts(bool IsFolder, bool IsLink, int Uid, UnixFileMode Mode)
{
    private const int CurrentFolder = -100;
    private const int NoFollow = 0x100;
    private const uint TypeModeAndUid = 0x1 | 0x2 | 0x8;
    private const int NoSuchEntry = 2;
    private const int FileTypeMask = 0xF000;
    private const int FolderType = 0x4000;
    private const int LinkType = 0xA000;

    /// <summary>The user this process acts as on files.</summary>
    public static int ProcessUid => (int)GetEffectiveUid();

    /// <summary>Whether it belongs to this process's user.</summary>
    public bool IsOwn => Uid == ProcessUid;

    /// <returns>Null when nothing is at <paramref name="path"/>.</returns>
    /// <exception cref="Win32Exception">The system could not tell, with its reason.</exception>
    public static unsafe PathFacts? Of(string path)
    {
        // struct statx: stx_uid at byte 20, stx_mode (u16) at byte 28.
        var buffer = stackalloc byte[256];
        if (Statx(CurrentFolder, path, NoFollow, TypeModeAndUid, buffer) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error == NoSuchEntry ? null : throw new Win32Exception(error, $"{path}: {new Win32Exception(error).Message}");
        }
        var uid = *(int*)(buffer + 20);
        var mode = *(ushort*)(buffer + 28);
        return new PathFacts((mode & FileTypeMask) == FolderType, (mode & FileTypeMask) == LinkType, uid, (UnixFileMode)(mode & 0xFFF));
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int folder, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUid();
}
