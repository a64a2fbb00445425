using System.Globalization;

namespace Orleans.Faas.Hosting.Ports;

/// <summary>Which process listens on a TCP port, read from Linux's procfs the way <c>ss -ltnp</c> does.</summary>
internal static class PortHolders
{
    private const string Listen = "0A";

    private static readonly string[] SocketTables = ["/proc/net/tcp", "/proc/net/tcp6"];

    /// <summary>"process 1234 (dotnet Orleans.Faas.Silo.dll)", or what can be said when procfs does not tell.</summary>
    public static string Describe(int port)
    {
        var inodes = ListeningInodes(port);
        if (inodes.Count == 0)
            return "another socket (procfs names no listener; it may be in another network namespace)";
        var holders = Processes().Where(p => OwnsAny(p, inodes)).Select(p => $"process {p} ({CommandLine(p)})").Distinct().ToList();
        return holders.Count > 0 ? string.Join(", ", holders) : "a process this user may not inspect";
    }

    private static HashSet<string> ListeningInodes(int port)
    {
        var hexPort = port.ToString("X4", CultureInfo.InvariantCulture);
        return SocketTables
            .Where(File.Exists)
            .SelectMany(File.ReadLines)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 9 && f[3] == Listen && f[1].EndsWith($":{hexPort}", StringComparison.Ordinal))
            .Select(f => f[9])
            .ToHashSet();
    }

    private static IEnumerable<int> Processes() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0);

    private static bool OwnsAny(int pid, HashSet<string> inodes)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd")
                .Select(fd => new FileInfo(fd).LinkTarget)
                .Any(target => target is not null && target.StartsWith("socket:[", StringComparison.Ordinal) && inodes.Contains(target[8..^1]));
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // Gone since it was listed, or not ours to read.
            return false;
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            var words = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            return words.Length > 0 ? string.Join(' ', words.Select(Path.GetFileName).Take(2)) : "no command line";
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return "its command line cannot be read";
        }
    }
}
