using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Providers;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Runtime.Runners;

/// <summary>Runs one attempt of a function on this node: input bytes on stdin, stdout as the result, stderr as logs.</summary>
public interface IFunctionRunner
{
    FunctionRuntime Runtime { get; }

    /// <summary>
    /// Runs the function to its end or its timeout and always cleans up after itself (no container or process is left).
    /// A non-zero exit or a timeout is an outcome, not an exception; <see cref="FunctionStartException"/> means it never ran.
    /// </summary>
    Task<ExecutionOutcome> RunAsync(FunctionDefinition function, ReadOnlyMemory<byte> input, CancellationToken cancellationToken);

    /// <summary>
    /// Runs as <see cref="RunAsync(FunctionDefinition, ReadOnlyMemory{byte}, CancellationToken)"/>, giving the run a share
    /// of <paramref name="cacheWays"/> of the node's L3 cache ways where the runner and the node can; the outcome's
    /// <see cref="RunConditions.CacheAllocation"/> says what it got. A runner that cannot allocate cache runs it with the whole cache.
    /// </summary>
    /// <param name="cacheWays">The ways the run needs; null leaves it the whole cache.</param>
    Task<ExecutionOutcome> RunAsync(FunctionDefinition function, ReadOnlyMemory<byte> input, int? cacheWays, CancellationToken cancellationToken) =>
        RunAsync(function, input, cancellationToken);

    /// <summary>
    /// Removes what the runner keeps between runs of the function named <paramref name="function"/> (idle warm
    /// containers), e.g. when a benchmark job cleans up; returns how many were removed. A runner that keeps nothing removes nothing.
    /// </summary>
    Task<int> RemoveIdleAsync(string function, CancellationToken cancellationToken) => Task.FromResult(0);

    /// <summary>
    /// Checks the function's code where it would run, without running it (python: source compiles, a pickle
    /// deserializes): field → problems, empty when there are none. A runner whose functions carry no code finds none.
    /// </summary>
    /// <exception cref="FunctionStartException">The check itself could not run.</exception>
    Task<ImmutableDictionary<string, string[]>> CheckAsync(FunctionDefinition function, CancellationToken cancellationToken) =>
        Task.FromResult(ImmutableDictionary<string, string[]>.Empty);

    /// <summary>
    /// Idle warm state by function version (containers a run can start in at once), keyed by <see cref="WarmKey"/>: a
    /// run of another version cannot use them. A runner that keeps nothing has none.
    /// </summary>
    IReadOnlyDictionary<string, int> IdleByVersion() => ImmutableDictionary<string, int>.Empty;

    /// <summary>
    /// Raised when the runner's idle warm state changed on its own, not at the end of a run: a container started ahead
    /// of a function's expected run came up, or idle ones expired. A runner that keeps nothing never raises it.
    /// </summary>
    event Action IdleWarmChanged
    {
        add { }
        remove { }
    }

    /// <summary>How long the runner keeps each function's warm state and when it prepares it ahead, by function name; a runner that keeps nothing has none.</summary>
    IReadOnlyDictionary<string, KeepAliveDecision> KeepAliveByFunction() => ImmutableDictionary<string, KeepAliveDecision>.Empty;
}
