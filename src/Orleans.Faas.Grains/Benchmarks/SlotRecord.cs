namespace Orleans.Faas.Benchmarks;

[GenerateSerializer, Alias("faas.SlotRecord")]
public sealed class SlotRecord
{
    /// <summary>The job holding the slot, from the moment it is started until it gives the slot back.</summary>
    [Id(0)]
    public Guid? Holder { get; set; }

    /// <summary>The latest jobs, newest first, at most <see cref="BenchmarkSlotGrain.RecentJobs"/>.</summary>
    [Id(1)]
    public List<Guid> Recent { get; set; } = [];
}
