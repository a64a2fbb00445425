using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Workers;

/// <summary>The node's execution capacity (<c>Faas:Worker</c>).</summary>
public sealed class WorkerOptions
{
    public const string Section = "Faas:Worker";

    /// <summary>Tasks run at once on this node; 0 means one per core.</summary>
    [Range(0, 4096)]
    public int Slots { get; set; }

    /// <summary>
    /// How long a stopping node (SIGTERM) lets its running tasks finish, after it stopped taking work and handed back
    /// its queue; what still runs then is stopped and placed again elsewhere.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan StopGrace { get; set; } = TimeSpan.FromSeconds(30);

        public int EffectiveSlots => Slots > 0 ? Slots : Environment.ProcessorCount;
}
