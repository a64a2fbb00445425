using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace Orleans.Faas.Benchmarks.Soak;

/// <summary>The working set of a silo process on this machine, read once its garbage is collected.</summary>
public sealed class SiloMemory(int pid)
{
    /// <summary>The runtime keyword that makes an EventPipe session start with a full, blocking collection (what dotnet-gcdump asks for).</summary>
    private const long GcHeapCollectKeyword = 0x800000;

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    /// <summary>Resident set size (VmRSS) from /proc, in MiB.</summary>
    public double ResidentMiB()
    {
        var line = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) / 1024.0;
    }

    /// <summary>Induces a full collection in the silo, lets the runtime give freed memory back, then reads the working set.</summary>
    public async Task<double> CollectedResidentMiB()
    {
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcHeapCollectKeyword);
        using (var session = new DiagnosticsClient(pid).StartEventPipeSession(provider, requestRundown: false))
        {
            var drained = session.EventStream.CopyToAsync(Stream.Null);
            await Task.Delay(TimeSpan.FromSeconds(1));
            await session.StopAsync(CancellationToken.None);
            await drained;
        }
        await Task.Delay(Settle);
        return ResidentMiB();
    }
}
