using System.Runtime.InteropServices;

namespace Orleans.Faas.Runtime.Cache;

/// <summary>The perf_event_open system call, which .NET does not wrap, for last-level cache counters.</summary>
internal static partial class PerfEvents
{
    public const ulong CacheReferences = 2;
    public const ulong CacheMisses = 3;

    private const uint TypeHardware = 0;
    private const ulong ExcludeKernelAndHypervisor = (1UL << 5) | (1UL << 6);
    private const ulong PidIsCgroup = 1UL << 2; // PERF_FLAG_PID_CGROUP
    private const int ReadOnly = 0;
    private const int Directory = 0x10000; // O_DIRECTORY
    private const int CloseOnExec = 0x80000; // O_CLOEXEC

    /// <summary>Opens (and closes) a cache-reference counter on this process; null when the kernel allows it, else the error.</summary>
    public static string? TryOpenCacheReferences()
    {
        var descriptor = Open(CacheReferences, pid: 0, cpu: -1, flags: 0);
        if (descriptor < 0)
            return Why(descriptor);
        Close((int)descriptor);
        return null;
    }

    /// <summary>A descriptor of the cgroup folder, which perf_event_open takes in place of a pid; negative errno on failure.</summary>
    public static int OpenFolder(string path) => OpenPath(path, ReadOnly | Directory | CloseOnExec) is var fd and >= 0 ? fd : -Marshal.GetLastPInvokeError();

    /// <summary>A counter of every task in the cgroup on one CPU; negative errno on failure.</summary>
    public static long OpenOnCgroup(ulong config, int cgroupFolder, int cpu) => Open(config, cgroupFolder, cpu, PidIsCgroup);

    public static long ReadCount(int descriptor)
    {
        Span<byte> value = stackalloc byte[sizeof(long)];
        return ReadBytes(descriptor, ref MemoryMarshal.GetReference(value), (nuint)value.Length) == sizeof(long)
            ? BitConverter.ToInt64(value)
            : throw new IOException($"Reading a cache counter failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
    }

    public static string Why(long negativeErrno) => Marshal.GetPInvokeErrorMessage((int)-negativeErrno);

    public static void CloseDescriptor(int descriptor) => Close(descriptor);

    private static long Open(ulong config, int pid, int cpu, ulong flags)
    {
        if (SyscallNumber() is not { } number)
            return -38; // ENOSYS: no known system call number on this architecture.
        var attributes = new Attributes { Type = TypeHardware, Size = (uint)Marshal.SizeOf<Attributes>(), Config = config, Flags = ExcludeKernelAndHypervisor };
        var descriptor = Syscall(number, ref attributes, pid, cpu, groupFd: -1, flags);
        return descriptor >= 0 ? descriptor : -Marshal.GetLastPInvokeError();
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

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenPath(string path, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint ReadBytes(int descriptor, ref byte buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
