namespace Orleans.Faas.Client;

/// <summary>The L3 cache ways a run got, their mask and resctrl group, or why it got none.</summary>
public sealed record CacheAllocation
{
    public int? Ways { get; init; }

    public string? Mask { get; init; }

    public string? Group { get; init; }

    public string? Reason { get; init; }
}
