using System.Buffers.Binary;

namespace Orleans.Faas.Watch;

/// <summary>Which watch range (<see cref="ITaskWatchGrain"/>) a task belongs to: its id spread over a fixed number of ranges.</summary>
public static class TaskWatch
{
    /// <summary>Enough that no single range's writes are a bottleneck; few enough that idle ranges cost nothing worth counting.</summary>
    public const int Ranges = 16;

    public static ITaskWatchGrain For(this IGrainFactory grains, Guid task) =>
        grains.GetGrain<ITaskWatchGrain>(BinaryPrimitives.ReadUInt32LittleEndian(task.ToByteArray()) % Ranges);

    /// <summary>A node was lost: every watched task is checked at once, and what the node held is placed again.</summary>
    public static Task CheckAllNow(this IGrainFactory grains) =>
        Task.WhenAll(Enumerable.Range(0, Ranges).Select(range => grains.GetGrain<ITaskWatchGrain>(range).CheckAllNow()));
}
