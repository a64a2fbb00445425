using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Workers;

/// <summary>The node's execution capacity (<c>Faas:Worker</c>).</summary>
public sealed class WorkerOptions
{
    public const string Section = "Faas:Worker";

    /// <summary>Tasks run at once on this node; 0 means one per core.</summary>
    [Range(0, 4096)]
    public int Slots { get; set; }

    public int EffectiveSlots => Slots > 0 ? Slots : Environment.ProcessorCount;
}
