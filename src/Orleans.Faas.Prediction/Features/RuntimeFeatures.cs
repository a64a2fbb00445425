using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Prediction.Features;

/// <summary>
/// Everything a runtime model may use to predict one run of a function on one provider. Every figure is a
/// <see cref="float"/> in the unit its name says, and <see cref="float.NaN"/> where it is not known, never zero;
/// a figure left unset is missing. The function's figures are the medians of its profile at the run's input size,
/// measured on the reference provider; the provider's describe the provider and its load when the run starts.
/// </summary>
public sealed record RuntimeFeatures
{
    /// <summary>Wall time, in milliseconds, of the function at this input size on the reference provider; missing when the function was never profiled.</summary>
    public float ReferenceWallMs { get; init; } = float.NaN;

    /// <summary>CPU time, in milliseconds, of the function at this input size on the reference provider; missing when unprofiled or not measured.</summary>
    public float ReferenceCpuMs { get; init; } = float.NaN;

    /// <summary>Peak memory, in bytes, of the function at this input size; missing when unprofiled or not measured.</summary>
    public float ReferencePeakMemoryBytes { get; init; } = float.NaN;

    /// <summary>Bytes the function reads at this input size; missing when unprofiled or not measured.</summary>
    public float ReferenceReadBytes { get; init; } = float.NaN;

    /// <summary>Bytes the function writes at this input size; missing when unprofiled or not measured.</summary>
    public float ReferenceWriteBytes { get; init; } = float.NaN;

    /// <summary>Last-level cache references (a count) of the function at this input size; missing when unprofiled or the reference node has no cache counters.</summary>
    public float ReferenceLlcReferences { get; init; } = float.NaN;

    /// <summary>Last-level cache misses (a count) of the function at this input size; missing when unprofiled or the reference node has no cache counters.</summary>
    public float ReferenceLlcMisses { get; init; } = float.NaN;

    /// <summary>The size the work follows, in the function's own unit (the input's bytes unless the caller declared another); missing only when never set.</summary>
    public float InputSize { get; init; } = float.NaN;

    /// <summary>How the function runs, as a number: 0 in a Docker container, 1 as a local process (<see cref="FunctionRuntime"/>); missing only when never set.</summary>
    public float Runtime { get; init; } = float.NaN;

    /// <summary>The provider's CPU score against the reference provider (a ratio, above 1 is faster); missing when the provider was not benchmarked.</summary>
    public float CpuEfficiency { get; init; } = float.NaN;

    /// <summary>The provider's memory score against the reference provider (a ratio, above 1 is faster); missing when the provider was not benchmarked.</summary>
    public float MemoryEfficiency { get; init; } = float.NaN;

    /// <summary>The CPU the run gets, in cores; missing when the run has no quota.</summary>
    public float CpuQuota { get; init; } = float.NaN;

    /// <summary>Size of the provider node's last-level cache, in bytes; missing when the node does not expose it.</summary>
    public float LlcBytes { get; init; } = float.NaN;

    /// <summary>The provider node's memory, in bytes; missing when not known.</summary>
    public float MemoryBytes { get; init; } = float.NaN;

    /// <summary>Tasks running on the provider when the run starts, itself not counted (a count); missing only when never set.</summary>
    public float Running { get; init; } = float.NaN;

    /// <summary>Tasks waiting on the provider when the run starts (a count); missing only when never set.</summary>
    public float Queued { get; init; } = float.NaN;

    /// <summary>1 when the run starts a new container, 0 when it reuses one or runs as a process; missing only when never set.</summary>
    public float Cold { get; init; } = float.NaN;

    /// <summary>The values of the function's declared features, <see cref="DeclaredSlots.Count"/> of them in the order of their names (<see cref="DeclaredSlots"/>); each missing when not given.</summary>
    public ImmutableArray<float> Declared { get; init; } = DeclaredSlots.None;

    /// <summary>The features of one run: the function's profile at its input size, as measured on the reference provider, its declared features and the provider's.</summary>
    /// <param name="reference">The function's profile estimate at <paramref name="inputSize"/>; null when it was never profiled.</param>
    /// <param name="declared">The invocation's declared features in slots (<see cref="DeclaredSlots.Of"/>); default for none.</param>
    public static RuntimeFeatures Build(RunStatistics? reference, long inputSize, FunctionRuntime runtime, ProviderFeatures provider, ImmutableArray<float> declared = default) => new()
    {
        ReferenceWallMs = Known(reference?.WallMs),
        ReferenceCpuMs = Known(reference?.CpuMs),
        ReferencePeakMemoryBytes = Known(reference?.PeakMemoryBytes),
        ReferenceReadBytes = Known(reference?.ReadBytes),
        ReferenceWriteBytes = Known(reference?.WriteBytes),
        ReferenceLlcReferences = Known(reference?.LlcReferences),
        ReferenceLlcMisses = Known(reference?.LlcMisses),
        InputSize = inputSize,
        Runtime = (float)runtime,
        CpuEfficiency = Known(provider.CpuEfficiency),
        MemoryEfficiency = Known(provider.MemoryEfficiency),
        CpuQuota = Known(provider.CpuQuota),
        LlcBytes = Known(provider.LlcBytes),
        MemoryBytes = Known(provider.MemoryBytes),
        Running = provider.Running,
        Queued = provider.Queued,
        Cold = provider.Cold ? 1 : 0,
        Declared = declared.IsDefault ? DeclaredSlots.None : declared,
    };

    private static float Known(double? value) => value is { } known ? (float)known : float.NaN;
}
