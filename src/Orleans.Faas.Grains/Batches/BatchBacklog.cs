using Orleans.Faas.Functions;

namespace Orleans.Faas.Batches;

/// <summary>
/// The items of a batch that have no task yet, with what their tasks are made from: every item, written before the
/// batch's record and before any task is submitted, and cleared once every one of them has its task (those no queue had
/// room for wait here meanwhile); an item submitted in between is recognised by its task existing.
/// </summary>
[GenerateSerializer, Alias("faas.BatchBacklog")]
public sealed class BatchBacklog
{
    [Id(0)]
    public InvocationPlan? Plan { get; set; }

    [Id(1)]
    public InvocationOptions Options { get; set; } = InvocationOptions.Default;

    /// <summary>The waiting items' inputs, by index.</summary>
    [Id(2)]
    public Dictionary<int, byte[]> Inputs { get; set; } = [];
}
