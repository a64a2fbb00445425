using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Workers;

/// <summary>The node's execution capacity (<c>Faas:Worker</c>).</summary>
public sealed class WorkerOptions
{
    public const string Section = "Faas:Worker";

    /// <summary>The queue limit per slot when <see cref="MaxQueued"/> is not set.</summary>
    public const int QueuedPerSlot = 64;

    /// <summary>Tasks run at once on this node; 0 means one per core.</summary>
    [Range(0, 4096)]
    public int Slots { get; set; }

    /// <summary>
    /// Tasks that may wait here for a slot; beyond that the node refuses new work and placement tries the next
    /// provider. 0: a task is taken only when a slot is free. Unset: <see cref="QueuedPerSlot"/> per slot.
    /// </summary>
    [Range(0, 1_000_000)]
    public int? MaxQueued { get; set; }

    /// <summary>
    /// How long a stopping node (SIGTERM) lets its running tasks finish, after it stopped taking work and handed back
    /// its queue; what still runs then is stopped and placed again elsewhere.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan StopGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the host may take to stop: the stop grace, then the rest of the silo (containers, history writes).</summary>
    public TimeSpan HostShutdownTimeout => StopGrace + TimeSpan.FromSeconds(30);

    public int EffectiveSlots => Slots > 0 ? Slots : Environment.ProcessorCount;

    public int EffectiveMaxQueued => MaxQueued ?? QueuedPerSlot * EffectiveSlots;
}
