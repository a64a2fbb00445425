using System.Collections.Immutable;
using Orleans.Faas.Cache;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Functions;

/// <summary>A function by name: its versions, its profile per input size, its cache need, and the entry point for invoking it.</summary>
[Alias("faas.IFunctionGrain")]
public interface IFunctionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores the definition as the next version, unless it is the latest version's own, which changes nothing;
    /// throws <see cref="InvalidFunctionDefinitionException"/>.
    /// </summary>
    [Alias("Register")]
    Task<FunctionRegistration> Register(FunctionDefinition definition);

    [Alias("GetLatest")]
    Task<FunctionVersion?> GetLatest();

    /// <summary>The version numbered <paramref name="version"/>, while the function keeps it (<c>KeptVersions</c>); null otherwise.</summary>
    [AlwaysInterleave, Alias("GetVersion")]
    Task<FunctionVersion?> GetVersion(int version);

    /// <summary>Every version the function keeps (<c>KeptVersions</c>), newest first; empty when it does not exist.</summary>
    [AlwaysInterleave, Alias("GetVersions")]
    Task<ImmutableArray<FunctionVersion>> GetVersions();

    /// <summary>Removes every version and the profile; false when the function did not exist.</summary>
    [Alias("Delete")]
    Task<bool> Delete();

    /// <summary>
    /// Creates a queued task for the latest version; throws <see cref="FunctionNotFoundException"/>. Invocations of one
    /// function interleave: each reads the latest version before its first await and waits only for its own task.
    /// </summary>
    [AlwaysInterleave, Alias("Invoke")]
    Task<Guid> Invoke(byte[] input, InvocationOptions options);

    /// <summary>
    /// As <see cref="Invoke"/>, under a task id the caller chose and persisted first: when a task with that id already
    /// exists this does nothing, so a caller that lost track of its call can make it again without running the input twice.
    /// </summary>
    [AlwaysInterleave, Alias("InvokeAs")]
    Task InvokeAs(Guid taskId, byte[] input, InvocationOptions options);
    /// <summary>What tasks of the latest version are made from, for a caller that makes many at once; throws <see cref="FunctionNotFoundException"/>.</summary>
    [AlwaysInterleave, Alias("GetInvocationPlan")]
    Task<InvocationPlan> GetInvocationPlan();

    /// <summary>The key the function's callbacks are signed with; null when the function does not exist.</summary>
    [AlwaysInterleave, Alias("GetCallbackSecret")]
    Task<string?> GetCallbackSecret();

    /// <summary>The code file with that SHA-256 of a version the function keeps; null when none has it (<see cref="CodeReference"/>).</summary>
    [AlwaysInterleave, Alias("GetCode")]
    Task<CodeFile?> GetCode(string sha256);

    /// <summary>Keeps what a profile job measured on the reference provider, replacing earlier profiled points at the same sizes.</summary>
    [Alias("RecordProfile")]
    Task RecordProfile(ImmutableArray<ProfilePoint> points);

    /// <summary>Keeps the cache need a profile job found on the reference provider, replacing the one before; its tasks ask for it from now on.</summary>
    [Alias("RecordCacheNeed")]
    Task RecordCacheNeed(CacheNeed need);

    /// <summary>Learns from completed runs, each already scaled to the reference provider's speed.</summary>
    [OneWay, Alias("Observe")]
    Task Observe(ImmutableArray<ExecutionSample> samples);

    /// <summary>Every point of the profile, profiled and observed, by input size.</summary>
    [AlwaysInterleave, Alias("GetProfile")]
    Task<ImmutableArray<ProfilePoint>> GetProfile();

    /// <summary>How many L3 cache ways the function needs; null until a profile job measured it on a reference that can allocate cache.</summary>
    [AlwaysInterleave, Alias("GetCacheNeed")]
    Task<CacheNeed?> GetCacheNeed();

    /// <summary>The expected cost at <paramref name="inputSize"/>; null when the function has no profile yet.</summary>
    [AlwaysInterleave, Alias("Estimate")]
    Task<ProfileEstimate?> Estimate(long inputSize);
}
