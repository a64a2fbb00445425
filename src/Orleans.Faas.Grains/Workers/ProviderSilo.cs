using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace Orleans.Faas.Workers;

/// <summary>Places a grain keyed by provider id on the silo whose name is that provider id: a worker runs on its own node.</summary>
[GenerateSerializer, Immutable, Alias("faas.ProviderSiloPlacement")]
public sealed class ProviderSiloPlacement : PlacementStrategy
{
    internal static readonly ProviderSiloPlacement Instance = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ProviderSiloPlacementAttribute() : PlacementAttribute(ProviderSiloPlacement.Instance);

public sealed class ProviderSiloPlacementDirector(IClusterMembershipService membership)
    : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var providerId = target.GrainIdentity.Key.ToString();
        var compatible = context.GetCompatibleSilos(target);
        var silo = membership.CurrentSnapshot.Members.Values
            .FirstOrDefault(m => m.Status == SiloStatus.Active && m.Name == providerId && compatible.Contains(m.SiloAddress));
        return silo is not null
            ? Task.FromResult(silo.SiloAddress)
            : throw new ProviderSiloUnavailableException(providerId);
    }
}
