namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>
/// Six classes of real machines, from single-board computers to a server, with their speed factors against the
/// desktop (the reference). Approximate, from published figures (docs/benchmarks/simulator.md names the sources):
/// CPU from each core's maximum clock times an assumed per-clock speed of its core design relative to Zen 4; memory
/// from the peak bandwidth of the memory bus, shared by the slots; IO from the storage link's bandwidth; GPU from
/// peak FP32 throughput. Cold starts are assumptions, slower on slower CPUs.
/// </summary>
public static class NodeClasses
{
    private const long GiB = 1L << 30;
    private const long MiB = 1L << 20;

    // Per slot: peak memory bandwidth (GB/s) over the slots, against the desktop's 83.2 / 8.
    private const double DesktopBandwidthPerSlot = 83.2 / 8;

    // Storage link (MB/s): NVMe on PCIe 4.0 x4 for the desktop and the server.
    private const double DesktopStorageMBps = 7880;

    // Peak FP32 TFLOPS of the desktop's GPU (RTX 4090).
    private const double DesktopGpuTflops = 82.6;

    /// <summary>Raspberry Pi 4 Model B, 8 GB: 4× Cortex-A72 at 1.8 GHz, LPDDR4-3200 (12.8 GB/s), 1 MB L2, an SSD on USB 3.0 (500 MB/s).</summary>
    public static readonly NodeClass RaspberryPi4 = new("rpi4", "Raspberry Pi 4 Model B 8GB", 2,
        Cpu: Core(1.8, 0.45), Memory: 12.8 / 2 / DesktopBandwidthPerSlot, Io: 500 / DesktopStorageMBps, Gpu: null,
        ColdStartMs: 1800, MemoryBytes: 8 * GiB, LlcBytes: 1 * MiB);

    /// <summary>Raspberry Pi 5, 4 GB: 4× Cortex-A76 at 2.4 GHz, LPDDR4X-4267 (17.1 GB/s), 2 MB L3, NVMe on PCIe 2.0 x1 (500 MB/s).</summary>
    public static readonly NodeClass RaspberryPi5 = new("rpi5", "Raspberry Pi 5 4GB", 2,
        Cpu: Core(2.4, 0.65), Memory: 17.1 / 2 / DesktopBandwidthPerSlot, Io: 500 / DesktopStorageMBps, Gpu: null,
        ColdStartMs: 1000, MemoryBytes: 4 * GiB, LlcBytes: 2 * MiB);

    /// <summary>Jetson Orin Nano 8 GB: 6× Cortex-A78AE at 1.5 GHz, 68 GB/s LPDDR5, 2 MB L3, NVMe on PCIe 3.0 x4 (3,940 MB/s), 1,024 CUDA cores at 625 MHz (1.28 TFLOPS).</summary>
    public static readonly NodeClass JetsonOrinNano = new("orin-nano", "Jetson Orin Nano 8GB", 4,
        Cpu: Core(1.5, 0.75), Memory: 68.0 / 4 / DesktopBandwidthPerSlot, Io: 3940 / DesktopStorageMBps, Gpu: 1.28 / DesktopGpuTflops,
        ColdStartMs: 900, MemoryBytes: 8 * GiB, LlcBytes: 4 * MiB);

    /// <summary>Jetson AGX Orin 64 GB: 12× Cortex-A78AE at 2.2 GHz, 204.8 GB/s LPDDR5, 6 MB L3, NVMe on PCIe 4.0 x4, 2,048 CUDA cores at 1.3 GHz (5.3 TFLOPS).</summary>
    public static readonly NodeClass JetsonAgxOrin = new("agx-orin", "Jetson AGX Orin 64GB", 8,
        Cpu: Core(2.2, 0.75), Memory: 204.8 / 8 / DesktopBandwidthPerSlot, Io: 1, Gpu: 5.3 / DesktopGpuTflops,
        ColdStartMs: 700, MemoryBytes: 64 * GiB, LlcBytes: 6 * MiB);

    /// <summary>The reference: Ryzen 9 7950X (16 Zen 4 cores, 5.7 GHz boost), DDR5-5200 dual channel (83.2 GB/s), 64 MB L3, NVMe on PCIe 4.0 x4, RTX 4090 (82.6 TFLOPS).</summary>
    public static readonly NodeClass Desktop = new("desktop", "Ryzen 9 7950X + RTX 4090", 8,
        Cpu: 1, Memory: 1, Io: 1, Gpu: 1,
        ColdStartMs: 300, MemoryBytes: 64 * GiB, LlcBytes: 64 * MiB);

    /// <summary>EPYC 9354 (32 Zen 4 cores, 3.8 GHz boost), 12 channels of DDR5-4800 (460.8 GB/s), 256 MB L3, NVMe on PCIe 4.0 x4, no GPU.</summary>
    public static readonly NodeClass Server = new("server", "EPYC 9354", 16,
        Cpu: Core(3.8, 1), Memory: 460.8 / 16 / DesktopBandwidthPerSlot, Io: 1, Gpu: null,
        ColdStartMs: 350, MemoryBytes: 384 * GiB, LlcBytes: 256 * MiB);

    /// <summary>An edge-heavy cluster: mostly boards, some GPU boards, a few desktops and servers; weights out of 20.</summary>
    public static readonly IReadOnlyList<(NodeClass Class, int Weight)> Mix =
    [
        (RaspberryPi4, 7),
        (RaspberryPi5, 6),
        (JetsonOrinNano, 3),
        (JetsonAgxOrin, 1),
        (Desktop, 1),
        (Server, 2),
    ];

    /// <summary>A core's speed against a Zen 4 core at 5.7 GHz: the clock ratio times its design's assumed per-clock speed.</summary>
    private static double Core(double ghz, double perClockVsZen4) => ghz / 5.7 * perClockVsZen4;
}
