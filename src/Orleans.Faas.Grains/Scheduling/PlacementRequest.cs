using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Scheduling;

/// <summary>What placement knows about the task it places.</summary>
/// <param name="Profile">The function's profile at the input size; null when it has none.</param>
/// <param name="Features">The invocation's values of the function's declared features; null for none.</param>
/// <param name="DeadlineMs">
/// The time left, as it is placed, until the invocation's deadline (0 or less once it has passed); null without one.
/// With one, the predictive policy prefers the provider most likely to finish by it over the earliest expected finish.
/// </param>
/// <param name="Code">The version's code file by hash, when the definition comes without it (as tasks carry it).</param>
public sealed record PlacementRequest(
    FunctionVersion Function, long InputSize, ProfileEstimate? Profile, IReadOnlyDictionary<string, double>? Features = null, double? DeadlineMs = null,
    CodeReference? Code = null)
{
    /// <summary>The declared features in the runtime model's slots, made once for every provider the request is estimated on.</summary>
    public ImmutableArray<float> DeclaredSlots { get; } = Prediction.Features.DeclaredSlots.Of(Function.Definition.Features.Select(f => f.Name), Features);

    public FunctionDefinition Definition => Function.Definition;

    /// <summary>The idle containers its run can use, made once for every provider the request is estimated on.</summary>
    public string WarmKey { get; } = Functions.WarmKey.Of(Function.Definition, Code);
}
