using System.Buffers.Binary;

namespace Orleans.Faas.Runtime.Agent;

/// <summary>The agent's last frame about one run (struct run_report in faas-agent.c); -1 counters were unreadable.</summary>
/// <param name="Exception">What a kept server reported it raised ("Type: message"), from the frame before; null when nothing.</param>
internal readonly record struct AgentReport(
    int ExitCode,
    int Signal,
    long CpuNanoseconds,
    long PeakResidentBytes,
    long ReadBytes,
    long WriteBytes,
    AgentFlags Flags,
    int ExecErrno,
    string? Exception = null)
{
    public const int Size = 48;

    /// <summary>The exit code, or null when a signal ended the main process.</summary>
    public int? ExitCodeOrNull => ExitCode >= 0 ? ExitCode : null;

    public static AgentReport Parse(ReadOnlySpan<byte> frame) => frame.Length != Size
        ? throw new InvalidDataException($"The agent's report has {frame.Length} bytes; {Size} were expected.")
        : new(
            BinaryPrimitives.ReadInt32LittleEndian(frame),
            BinaryPrimitives.ReadInt32LittleEndian(frame[4..]),
            BinaryPrimitives.ReadInt64LittleEndian(frame[8..]),
            BinaryPrimitives.ReadInt64LittleEndian(frame[16..]),
            BinaryPrimitives.ReadInt64LittleEndian(frame[24..]),
            BinaryPrimitives.ReadInt64LittleEndian(frame[32..]),
            (AgentFlags)BinaryPrimitives.ReadUInt32LittleEndian(frame[40..]),
            BinaryPrimitives.ReadInt32LittleEndian(frame[44..]));
}

[Flags]
internal enum AgentFlags : uint
{
    None = 0,
    OutOfMemory = 1,
    PidsLimit = 2,
    ExecFailed = 4,
}
