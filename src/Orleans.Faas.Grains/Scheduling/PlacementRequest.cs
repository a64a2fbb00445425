using Orleans.Faas.Functions;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Scheduling;

/// <summary>What placement knows about the task it places.</summary>
/// <param name="Profile">The function's profile at the input size; null when it has none.</param>
public sealed record PlacementRequest(FunctionVersion Function, long InputSize, ProfileEstimate? Profile)
{
    public FunctionDefinition Definition => Function.Definition;
}
