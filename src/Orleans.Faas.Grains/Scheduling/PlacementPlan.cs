using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling;

/// <summary>
/// The providers a task may go to, best first, and the policy that ordered them (null for a pinned task).
/// <see cref="Ranked"/> is ordered only as far as it is read, so it is read by one caller at a time.
/// </summary>
public sealed record PlacementPlan(PlacementRequest Request, PlacementPolicyKind? Policy, IReadOnlyList<ProviderSnapshot> Ranked);
