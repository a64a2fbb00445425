using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Scheduling;

/// <summary>What placement knows about the task it places.</summary>
/// <param name="Profile">The function's profile at the input size; null when it has none.</param>
/// <param name="Features">The invocation's values of the function's declared features; null for none.</param>
public sealed record PlacementRequest(FunctionVersion Function, long InputSize, ProfileEstimate? Profile, IReadOnlyDictionary<string, double>? Features = null)
{
    /// <summary>The declared features in the runtime model's slots, made once for every provider the request is estimated on.</summary>
    public ImmutableArray<float> DeclaredSlots { get; } = Prediction.Features.DeclaredSlots.Of(Function.Definition.Features.Select(f => f.Name), Features);

    public FunctionDefinition Definition => Function.Definition;
}
