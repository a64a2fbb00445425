using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Orleans.Faas.Runtime.Python;

/// <summary>The shared libraries programs link, as the node's dynamic loader resolves them (<c>ldd</c>, from libc-bin).</summary>
internal static partial class LinkedLibraries
{
    /// <returns>The absolute paths of every library the files link, the loader included, each once.</returns>
    public static async Task<IReadOnlyList<string>> FindAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ldd") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var file in files)
            start.ArgumentList.Add(file);
        using var ldd = Process.Start(start) ?? throw new InvalidOperationException("ldd could not be started.");
        var output = ldd.StandardOutput.ReadToEndAsync(cancellationToken);
        await ldd.StandardError.ReadToEndAsync(cancellationToken);
        await ldd.WaitForExitAsync(cancellationToken);
        // A non-zero exit only says some file was not dynamic (a static extension module): it links nothing.
        return Parse(await output);
    }

    /// <summary>The library paths in ldd's output: "libz.so.1 => /lib/.../libz.so.1 (0x…)" and "/lib64/ld-linux-x86-64.so.2 (0x…)".</summary>
    public static IReadOnlyList<string> Parse(string lddOutput) =>
        [.. LibraryLine().Matches(lddOutput).Select(m => m.Groups["path"].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"^\s+(?:\S+\s+=>\s+)?(?<path>/\S+)\s+\(0x[0-9a-f]+\)\s*$", RegexOptions.Multiline)]
    private static partial Regex LibraryLine();
}
