using System.Runtime.InteropServices;

namespace Orleans.Faas.Runtime.Cache;

/// <summary>The perf_event_open system call, which .NET does not wrap.</summary>
internal static partial class PerfEvents
{
    private const uint TypeHardware = 0;
    private const ulong CacheReferences = 2;
    private const ulong ExcludeKernelAndHypervisor = (1UL << 5) | (1UL << 6);

    /// <summary>Opens (and closes) a cache-reference counter on this process; null when the kernel allows it, else the error.</summary>
    public static string? TryOpenCacheReferences()
    {
        if (SyscallNumber() is not { } number)
            return $"no perf_event_open system call number is known for {RuntimeInformation.ProcessArchitecture}";

        var attributes = new Attributes { Type = TypeHardware, Size = (uint)Marshal.SizeOf<Attributes>(), Config = CacheReferences, Flags = ExcludeKernelAndHypervisor };
        var descriptor = Syscall(number, ref attributes, pid: 0, cpu: -1, groupFd: -1, flags: 0);
        if (descriptor < 0)
            return Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
        Close((int)descriptor);
        return null;
    }

    private static long? SyscallNumber() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 298,
        Architecture.Arm64 => 241,
        _ => null,
    };

    /// <summary>struct perf_event_attr in its first published size (PERF_ATTR_SIZE_VER0, 64 bytes), which every kernel accepts.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Attributes
    {
        public uint Type;
        public uint Size;
        public ulong Config;
        public ulong SamplePeriod;
        public ulong SampleType;
        public ulong ReadFormat;
        public ulong Flags;
        public uint WakeupEvents;
        public uint BreakpointType;
        public ulong Config1;
    }

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, ref Attributes attributes, int pid, int cpu, int groupFd, ulong flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
