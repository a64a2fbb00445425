using Orleans.Faas.Functions;

namespace Orleans.Faas.Batches;

/// <summary>
/// The items of a batch that no queue had room for when it started, with what their tasks are made from. Written
/// once, when the batch starts, and cleared once every one of them has its task; an item submitted in between is
/// recognised by its task existing.
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
