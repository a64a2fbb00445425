using Orleans.Faas.Cache;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Functions;

[GenerateSerializer, Alias("faas.FunctionRecord")]
public sealed class FunctionRecord
{
    /// <summary>Every live version, oldest first; empty once the function is deleted.</summary>
    [Id(0)]
    public List<FunctionVersion> Versions { get; set; } = [];

    /// <summary>Survives deletion so that a re-registered function never reuses a version number.</summary>
    [Id(1)]
    public int LastVersion { get; set; }

    /// <summary>What profile jobs measured on the reference provider, one point per input size.</summary>
    [Id(2)]
    public List<ProfilePoint> Profiled { get; set; } = [];

    /// <summary>How many cache ways its runs get, as a profile job found on the reference provider; null until one did.</summary>
    [Id(4)]
    public CacheNeed? CacheNeed { get; set; }

    /// <summary>The key its callbacks are signed with: made at the first registration, kept across versions, dropped with the function.</summary>
    [Id(5)]
    public string? CallbackSecret { get; set; }

    /// <summary>Profiled points when there are any (measured under control), else the observed ones.</summary>
    public IReadOnlyList<ProfilePoint> ProfilePoints(ObservedProfile observed) =>
        Profiled.Count > 0 ? Profiled : [.. observed.Points(LastVersion)];
}
