using System.Formats.Tar;
using Orleans.Faas.Runtime.Python;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Tests.Runtime.Python;

/// <summary>The Python image's root filesystem assembled from a fake Debian tree: merged /usr, python3 -> python3.11.</summary>
public sealed class PythonRootfsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("faas-python-root-").FullName;
    private readonly List<string> _askedAbout = [];

    public PythonRootfsTests()
    {
        Write("usr/bin/python3.11", "ELF interpreter", executable: true);
        Link("usr/bin/python3", "python3.11");
        Write("usr/lib/python3.11/os.py", "import posix");
        Write("usr/lib/python3.11/json/__init__.py", "");
        Write("usr/lib/python3.11/__pycache__/os.cpython-311.pyc", "compiled");
        Write("usr/lib/python3.11/lib-dynload/_json.cpython-311-x86_64-linux-gnu.so", "ELF module");
        Write("usr/lib/python3.11/_sysconfigdata__x86_64-linux-gnu.py", "build_time_vars = {}");
        Link("usr/lib/python3.11/_sysconfigdata__linux_x86_64-linux-gnu.py", "_sysconfigdata__x86_64-linux-gnu.py");
        Link("usr/lib/python3.11/sitecustomize.py", "/etc/python3.11/sitecustomize.py");
        Write("usr/lib/python3.11/test/test_os.py", "");
        Write("usr/lib/python3.11/config-3.11-x86_64-linux-gnu/libpython3.11.a", "static");
        Write("usr/lib/python3/dist-packages/dill/__init__.py", "");
        Write("usr/lib/python3/dist-packages/dill/tests/test_dill.py", "");
        Write("usr/lib/python3/dist-packages/yaml/__init__.py", "");
        Write("usr/bin/dash", "ELF shell", executable: true);
        Write("usr/lib/x86_64-linux-gnu/libc.so.6", "libc");
        Write("usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "loader");
        Link("usr/lib64/ld-linux-x86-64.so.2", "../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2");
        Link("lib", "usr/lib");
        Link("lib64", "usr/lib64");
    }

    [Fact]
    public async Task It_holds_the_interpreter_its_stdlib_dill_and_the_linked_libraries_and_nothing_else()
    {
        var entries = (await Rootfs().EntriesAsync()).ToDictionary(e => e.Path);

        Assert.Equal(TarEntryType.RegularFile, entries["/usr/bin/python3.11"].Kind);
        Assert.Equal("python3.11", entries["/usr/bin/python3"].LinkTarget);
        Assert.Contains("/usr/lib/python3.11/json/__init__.py", entries.Keys);
        Assert.Contains("/usr/lib/python3.11/__pycache__/os.cpython-311.pyc", entries.Keys);
        Assert.Contains("/usr/lib/python3.11/lib-dynload/_json.cpython-311-x86_64-linux-gnu.so", entries.Keys);
        Assert.Contains("/usr/lib/python3/dist-packages/dill/__init__.py", entries.Keys);
        // A link within the stdlib becomes the file; one out of it (to /etc) is left out.
        Assert.Equal(TarEntryType.RegularFile, entries["/usr/lib/python3.11/_sysconfigdata__linux_x86_64-linux-gnu.py"].Kind);
        Assert.DoesNotContain("/usr/lib/python3.11/sitecustomize.py", entries.Keys);
        Assert.DoesNotContain(entries.Keys, path => path.Contains("/test", StringComparison.Ordinal) || path.Contains("config-3.11", StringComparison.Ordinal));
        Assert.DoesNotContain(entries.Keys, path => path.Contains("yaml", StringComparison.Ordinal));
        // Libraries sit where the loader looks, through the node's merged-/usr links.
        Assert.Equal("usr/lib", entries["/lib"].LinkTarget);
        Assert.Equal("usr/lib64", entries["/lib64"].LinkTarget);
        Assert.Equal(TarEntryType.RegularFile, entries["/usr/lib/x86_64-linux-gnu/libc.so.6"].Kind);
        Assert.Equal("loader", System.Text.Encoding.UTF8.GetString(await entries["/usr/lib64/ld-linux-x86-64.so.2"].ReadAsync()));
        Assert.Equal(TarEntryType.RegularFile, entries[PythonRootfs.RunnerPath].Kind);
        Assert.Equal(TarEntryType.Directory, entries["/tmp"].Kind);
        // A shell, under the name sh, for functions that run a command line.
        Assert.Equal(TarEntryType.RegularFile, entries[PythonRootfs.Dash].Kind);
        Assert.True(entries[PythonRootfs.Dash].Mode.HasFlag(UnixFileMode.UserExecute));
        Assert.Equal("dash", entries[PythonRootfs.Shell].LinkTarget);
        // ldd was asked about the interpreter, the shell and the extension modules.
        Assert.Equal(3, _askedAbout.Count);
        Assert.Contains(_askedAbout, path => path.EndsWith("python3.11", StringComparison.Ordinal));
        Assert.Contains(_askedAbout, path => path.EndsWith("dash", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Its_hash_is_stable_and_follows_the_content()
    {
        var first = await Rootfs().HashAsync(CancellationToken.None);
        Assert.Equal(first, await Rootfs().HashAsync(CancellationToken.None));

        Write("usr/lib/python3/dist-packages/dill/__init__.py", "__version__ = '0.3.7'");

        Assert.NotEqual(first, await Rootfs().HashAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_layer_is_a_tar_of_every_entry()
    {
        using var layer = new MemoryStream();
        await using (var tar = new TarWriter(layer, leaveOpen: true))
            await Rootfs().WriteLayerAsync(tar, CancellationToken.None);
        layer.Position = 0;

        var names = new List<string>();
        using var reader = new TarReader(layer);
        while (await reader.GetNextEntryAsync() is { } entry)
            names.Add(entry.Name);

        Assert.Contains("usr/bin/python3.11", names);
        Assert.Contains("opt/faas/faas-python.py", names);
        Assert.Contains("usr/lib/python3.11/", names);
    }

    [Fact]
    public async Task A_node_without_dill_says_how_to_install_it()
    {
        Directory.Delete(Path.Combine(_root, "usr/lib/python3/dist-packages/dill"), recursive: true);

        Assert.Contains("apt-get install python3 python3-dill", PythonRootfs.MissingOn(_root), StringComparison.Ordinal);
        var failure = await Assert.ThrowsAsync<FunctionStartException>(() => Rootfs().HashAsync(CancellationToken.None));
        Assert.Contains("python3-dill", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_without_dash_says_how_to_install_it()
    {
        File.Delete(Path.Combine(_root, "usr/bin/dash"));

        Assert.Contains("apt-get install dash", PythonRootfs.MissingOn(_root), StringComparison.Ordinal);
        await Assert.ThrowsAsync<FunctionStartException>(() => Rootfs().HashAsync(CancellationToken.None));
    }

    [Fact]
    public void Ldd_output_gives_each_library_once()
    {
        const string Output = """
            /usr/bin/python3.11:
            	linux-vdso.so.1 (0x00007ffd)
            	libm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x00007f64787ca000)
            	/lib64/ld-linux-x86-64.so.2 (0x00007f64788be000)
            /usr/lib/python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so:
            	libssl.so.3 => /lib/x86_64-linux-gnu/libssl.so.3 (0x00007f26a56b1000)
            	libm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x00007f64787ca000)
            /usr/lib/python3.11/lib-dynload/static.so:
            	statically linked
            """;

        Assert.Equal(
            ["/lib/x86_64-linux-gnu/libm.so.6", "/lib/x86_64-linux-gnu/libssl.so.3", "/lib64/ld-linux-x86-64.so.2"],
            LinkedLibraries.Parse(Output));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private PythonRootfs Rootfs() => new(_root, (files, _) =>
    {
        _askedAbout.Clear();
        _askedAbout.AddRange(files);
        return Task.FromResult<IReadOnlyList<string>>(["/lib/x86_64-linux-gnu/libc.so.6", "/lib64/ld-linux-x86-64.so.2"]);
    });

    private void Write(string path, string content, bool executable = false)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        if (executable && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(full, (UnixFileMode)0b111_101_101);
    }

    private void Link(string path, string target)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.CreateSymbolicLink(full, target);
    }
}
