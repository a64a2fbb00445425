namespace Orleans.Faas.Providers;

/// <summary>How busy a provider's worker is: running tasks, tasks waiting for a slot, and its slot count.</summary>
[GenerateSerializer, Immutable, Alias("faas.ProviderLoad")]
public sealed record ProviderLoad(
    [property: Id(0)] int Running,
    [property: Id(1)] int Queued,
    [property: Id(2)] int Slots)
{
    public static readonly ProviderLoad Idle = new(0, 0, 0);

    /// <summary>Outstanding tasks per slot: 0 is idle, 1 is every slot busy, above 1 means a queue.</summary>
    public double Utilisation => Slots == 0 ? double.PositiveInfinity : (double)(Running + Queued) / Slots;
}
