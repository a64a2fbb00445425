using System.Globalization;
using System.Runtime.InteropServices;
using Orleans.Faas.Runtime.Files;

namespace Orleans.Faas.Runtime.Secrets;

/// <summary>
/// One container's secrets as files in a folder of the node's in-memory filesystem, which the container mounts read-only
/// at <see cref="MountPoint"/>. Where the container's user is a numeric uid and this process may give files away, the
/// folder and files belong to that user alone (0500, 0400); otherwise they are readable by all inside the container and,
/// on the node, hidden in the runner's own 0700 folder. Rewritten before every run, so a warm container sees a replaced value.
/// </summary>
internal sealed class ContainerSecrets
{
    public const string MountPoint = "/run/secrets";

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead;
    private const UnixFileMode SharedFolder = (UnixFileMode)0b111_101_101;
    private const UnixFileMode SharedFile = (UnixFileMode)0b100_100_100;

    private readonly (int Uid, int Gid)? _owner;

    private ContainerSecrets(string folder, (int Uid, int Gid)? owner)
    {
        Folder = folder;
        _owner = owner;
    }

    /// <summary>The folder on the node.</summary>
    public string Folder { get; }

    /// <param name="folder">A new folder, on tmpfs, inside a folder only this process can enter.</param>
    /// <param name="user">The container's user as Docker takes it: <c>uid[:gid]</c> or a name in the image.</param>
    public static ContainerSecrets Create(string folder, string user)
    {
        if (OperatingSystem.IsWindows())
            throw NotOnWindows();
        Directory.CreateDirectory(folder);
        var owner = NumericOwner(user) is { } numeric && TryChown(folder, numeric) ? numeric : ((int, int)?)null;
        File.SetUnixFileMode(folder, owner is null ? SharedFolder : OwnerOnlyFolder);
        return new ContainerSecrets(folder, owner);
    }

    /// <summary>Writes every value as the file of its name, each replaced whole (written aside, then renamed into place).</summary>
    public async Task WriteAsync(IReadOnlyDictionary<string, byte[]> values, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
            throw NotOnWindows();
        foreach (var (name, value) in values)
        {
            var aside = Path.Combine(Folder, $".{name}.new");
            var options = new FileStreamOptions
            {
                Mode = FileMode.Create,
                Access = FileAccess.Write,
                UnixCreateMode = _owner is null ? SharedFile : OwnerOnlyFile,
            };
            await using (var file = new FileStream(aside, options))
                await file.WriteAsync(value, cancellationToken);
            if (_owner is { } owner && !TryChown(aside, owner))
                throw new IOException($"Secret file {aside} could not be given to uid {owner.Uid}: errno {Marshal.GetLastPInvokeError()}.");
            File.Move(aside, Path.Combine(Folder, name), overwrite: true);
        }
    }

    /// <summary>Removes the folder and its files; never throws, as it runs on every path out.</summary>
    public void Delete()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Never created or already removed.
        }
    }

    /// <summary>The uid and gid of a numeric <c>uid[:gid]</c>; a uid alone keeps this process's group; null for names.</summary>
    internal static (int Uid, int Gid)? NumericOwner(string user)
    {
        var parts = user.Split(':');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
            return null;
        if (parts.Length == 1)
            return (uid, -1);
        return int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var gid) ? (uid, gid) : null;
    }

    private static PlatformNotSupportedException NotOnWindows() => new("Secrets are mounted from the node's tmpfs, on Linux nodes only.");

    private static bool TryChown(string path, (int Uid, int Gid) owner) => Ownership.TryGive(path, owner.Uid, owner.Gid);
}
