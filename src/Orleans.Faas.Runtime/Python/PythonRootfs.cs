using System.Formats.Tar;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Images;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Runtime.Python;

/// <summary>
/// The Python image's root filesystem, assembled from the node's own Debian packages: the interpreter
/// (<c>/usr/bin/python3</c>, package python3), its standard library without tests and build files, dill (python3-dill),
/// a POSIX shell (<c>/usr/bin/sh</c>, the node's dash) for functions that run a command line in it, the shared libraries
/// all of them link (as <c>ldd</c> finds them), and the platform's runner. Nothing comes from a registry. Read once: the packages do not change under a running node.
/// </summary>
/// <param name="root">The node's root folder ("/"; a fake tree in tests).</param>
/// <param name="sharedLibraries">Image paths of the libraries the given host files link, the loader included.</param>
internal sealed class PythonRootfs(string root, Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<string>>> sharedLibraries) : IImageContent
{
    public const string Interpreter = "/usr/bin/python3";
    public const string DillFolder = "/usr/lib/python3/dist-packages/dill";
    public const string RunnerPath = "/opt/faas/faas-python.py";
    public const string Install = "apt-get install python3 python3-dill";
    public const string Dash = "/usr/bin/dash";

    /// <summary>The image's shell: the node's dash, under the name POSIX scripts and <c>sh -c</c> callers expect.</summary>
    public const string Shell = PythonCode.Shell;

    // Large, and never imported by a function: the test suite, the static library and tools for building extensions
    // (config-3.11-x86_64-linux-gnu, matched by its prefix).
    private static readonly string[] SkippedFromStdlib = ["test", "config-", "lib2to3", "ensurepip", "idlelib", "tkinter", "turtledemo", "__phello__"];

    private static bool KeptInStdlib(string top) =>
        !SkippedFromStdlib.Any(skipped => skipped.EndsWith('-') ? top.StartsWith(skipped, StringComparison.Ordinal) : top == skipped);

    private readonly Lazy<Task<(IReadOnlyList<RootfsEntry> Entries, string Hash)>> _read = new(() => ReadAsync(root, sharedLibraries));

    public string Origin => $"the node's {Interpreter}, {DillFolder} and {Dash}";

    public IReadOnlyList<string> Changes =>
        [$"CMD [\"{Interpreter}\"]", "ENV PYTHONUTF8=1 PYTHONDONTWRITEBYTECODE=1 PYTHONNOUSERSITE=1"];

    /// <summary>Why a node with this root cannot build the image, with the command that fixes it; null when it can.</summary>
    public static string? MissingOn(string root) =>
        !File.Exists(Host(root, Interpreter)) ? $"{Interpreter} is missing ({Install})"
        : !Directory.Exists(Host(root, DillFolder)) ? $"{DillFolder} is missing ({Install})"
        : !File.Exists(Host(root, Dash)) ? $"{Dash} is missing (apt-get install dash)"
        : null;

    public async Task<string> HashAsync(CancellationToken cancellationToken) => (await _read.Value).Hash;

    public async Task<IReadOnlyList<RootfsEntry>> EntriesAsync() => (await _read.Value).Entries;

    public async Task WriteLayerAsync(TarWriter layer, CancellationToken cancellationToken)
    {
        foreach (var entry in await EntriesAsync())
            await entry.WriteAsync(layer, cancellationToken);
    }

    private static async Task<(IReadOnlyList<RootfsEntry>, string)> ReadAsync(
        string root, Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<string>>> sharedLibraries)
    {
        if (MissingOn(root) is { } missing)
            throw new FunctionStartException($"from {OriginOn(root)}: {missing}.");

        var files = new SortedDictionary<string, RootfsEntry>(StringComparer.Ordinal);
        void Add(RootfsEntry entry)
        {
            for (var parent = Path.GetDirectoryName(entry.Path); parent is { Length: > 1 }; parent = Path.GetDirectoryName(parent))
                files.TryAdd(parent, RootfsEntry.Folder(parent));
            files[entry.Path] = entry;
        }

        // The interpreter under its real name (python3.11), and python3 pointing at it as on the node.
        var interpreter = Resolve(Host(root, Interpreter));
        var versioned = Path.GetFileName(interpreter);
        Add(RootfsEntry.File($"/usr/bin/{versioned}", interpreter));
        if (versioned != Path.GetFileName(Interpreter))
            Add(RootfsEntry.Link(Interpreter, versioned));

        var stdlib = $"/usr/lib/{versioned}";
        foreach (var entry in Tree(root, stdlib, KeptInStdlib))
            Add(entry);
        foreach (var entry in Tree(root, DillFolder, top => top != "tests"))
            Add(entry);
        var dash = Resolve(Host(root, Dash));
        Add(RootfsEntry.File(Dash, dash));
        Add(RootfsEntry.Link(Shell, Path.GetFileName(Dash)));

        // What the interpreter, the shell and the extension modules link, where the loader looks for it; through the
        // node's top-level links (lib -> usr/lib on a merged /usr), which the image gets too.
        var linked = files.Values.Where(e => e.HostPath is { } host && (host == interpreter || host == dash || e.Path.EndsWith(".so", StringComparison.Ordinal)))
            .Select(e => e.HostPath!).ToList();
        foreach (var library in await sharedLibraries(linked, CancellationToken.None))
        {
            var top = library.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
            var topOnNode = new DirectoryInfo(Host(root, $"/{top}"));
            var inImage = library;
            if (topOnNode.LinkTarget is { } target && !Path.IsPathRooted(target))
            {
                Add(RootfsEntry.Link($"/{top}", target));
                inImage = $"/{target}{library[(top.Length + 1)..]}";
            }
            Add(RootfsEntry.File(inImage, Resolve(Host(root, library))));
        }

        Add(RootfsEntry.Content(RunnerPath, RunnerScript(), ImageModes.Readable));
        files["/tmp"] = RootfsEntry.Folder("/tmp", ImageModes.WorldWritable);

        var entries = files.Values.ToList();
        return (entries, await HashOfAsync(entries));
    }

    private static string OriginOn(string root) => $"{Host(root, Interpreter)}, {Host(root, DillFolder)} and {Host(root, Dash)}";

    /// <summary>Everything under <paramref name="folder"/>: links to files become the files, links to nowhere in it are left out.</summary>
    private static IEnumerable<RootfsEntry> Tree(string root, string folder, Func<string, bool> keepTop)
    {
        var hostFolder = Host(root, folder);
        yield return RootfsEntry.Folder(folder);
        foreach (var item in new DirectoryInfo(hostFolder).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = false }))
        {
            if (!keepTop(item.Name))
                continue;
            foreach (var entry in Walk(item, $"{folder}/{item.Name}", hostFolder))
                yield return entry;
        }
    }

    private static IEnumerable<RootfsEntry> Walk(FileSystemInfo item, string inImage, string hostTop)
    {
        if (item.LinkTarget is not null)
        {
            var target = item.ResolveLinkTarget(returnFinalTarget: true);
            if (target is FileInfo { Exists: true } file && file.FullName.StartsWith(hostTop, StringComparison.Ordinal))
                yield return RootfsEntry.File(inImage, file.FullName);
            yield break;
        }
        if (item is FileInfo)
        {
            yield return RootfsEntry.File(inImage, item.FullName);
            yield break;
        }
        yield return RootfsEntry.Folder(inImage);
        foreach (var child in ((DirectoryInfo)item).EnumerateFileSystemInfos())
        {
            foreach (var entry in Walk(child, $"{inImage}/{child.Name}", hostTop))
                yield return entry;
        }
    }

    private static string Host(string root, string imagePath) => Path.Join(root, imagePath);

    private static string Resolve(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);

    private static async Task<string> HashOfAsync(IEnumerable<RootfsEntry> entries)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in entries)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{entry.Kind} {entry.Path} {entry.LinkTarget} {(int)entry.Mode}\n"));
            if (entry.Kind == TarEntryType.RegularFile)
                hash.AppendData(await entry.ReadAsync());
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static byte[] RunnerScript()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("faas-python.py")
            ?? throw new InvalidOperationException("The Python runner is not embedded in the runtime assembly.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
