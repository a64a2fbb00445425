using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Faas.Cache;
using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Tests.Cluster;

/// <summary>
/// A process-runtime runner whose behaviour is picked by the function's first command word, so grain tests can
/// drive every outcome without real processes: echo, whoami (the silo's name), fail, timeout, block (until released),
/// unstartable, engine-down, vanish (the worker drops the attempt without a word), vanish-once (only the first time
/// for a given input), cache-hungry (slower with fewer than <see cref="HungryWays"/> cache ways) and cache-refused (the
/// node will not give it cache ways). Every other run that needs cache ways gets them, as on a node with resctrl.
/// </summary>
public sealed class ScriptedRunner(string siloName, SemaphoreSlim gate) : IFunctionRunner
{
    /// <summary>The cache ways from which on cache-hungry runs at full speed.</summary>
    public const int HungryWays = 4;

    /// <summary>How long a cache-hungry run takes with <see cref="HungryWays"/> ways or more.</summary>
    public static readonly TimeSpan HungryWallTime = TimeSpan.FromMilliseconds(100);

    /// <summary>Why a cache-refused run got no cache ways.</summary>
    public const string RefusedBecause = "resctrl group could not be set up: No space left on device";

    private static readonly ConcurrentDictionary<string, bool> Vanished = new();

    private readonly ConcurrentDictionary<string, int> _idleWarm = new();

    public event Action? IdleWarmChanged;

    public FunctionRuntime Runtime => FunctionRuntime.Process;

    public IReadOnlyDictionary<string, int> IdleByVersion() => _idleWarm;

    /// <summary>A container of <paramref name="function"/> came up idle on its own, as one started ahead of its next run does.</summary>
    public void Prewarmed(string function)
    {
        _idleWarm.AddOrUpdate(function, 1, (_, idle) => idle + 1);
        IdleWarmChanged?.Invoke();
    }

    public Task<ExecutionOutcome> RunAsync(FunctionDefinition function, ReadOnlyMemory<byte> input, CancellationToken cancellationToken) =>
        RunAsync(function, input, cacheWays: null, cancellationToken);

    public async Task<ExecutionOutcome> RunAsync(FunctionDefinition function, ReadOnlyMemory<byte> input, int? cacheWays, CancellationToken cancellationToken)
    {
        var outcome = await Script(function, input, cacheWays, cancellationToken);
        return cacheWays is { } ways && outcome.Conditions is { } conditions
            ? outcome with { Conditions = conditions with { CacheAllocation = Allocation(function, ways) } }
            : outcome;
    }

    private CacheAllocationDecision Allocation(FunctionDefinition function, int ways) => function.Command[0] == "cache-refused"
        ? CacheAllocationDecision.NotAllocated(RefusedBecause)
        : CacheAllocationDecision.Allocated(ways, ((1UL << ways) - 1).ToString("x3", CultureInfo.InvariantCulture), $"orleans-faas-{siloName}@scripted");

    private async Task<ExecutionOutcome> Script(FunctionDefinition function, ReadOnlyMemory<byte> input, int? cacheWays, CancellationToken cancellationToken)
    {
        switch (function.Command[0])
        {
            case "echo":
                return Exited(0, input.ToArray());
            case "whoami":
                return Exited(0, System.Text.Encoding.UTF8.GetBytes(siloName));
            case "fail":
                return Exited(3, [], "line one\nboom");
            case "timeout":
                return new ExecutionOutcome(null, [], "", TimedOut: true, function.Timeout, OutputTruncated: false);
            case "block":
                await gate.WaitAsync(cancellationToken);
                return Exited(0, input.ToArray());
            case "unstartable":
                throw new FunctionStartException("no such program");
            case "engine-down":
                throw new FunctionStartException("engine did not answer", runtimeUnreachable: true);
            case "vanish":
                throw new OperationCanceledException("the worker forgot this attempt");
            case "vanish-once" when Vanished.TryAdd(System.Text.Encoding.UTF8.GetString(input.Span), true):
                throw new OperationCanceledException("the worker forgot this attempt");
            case "vanish-once":
                return Exited(0, input.ToArray());
            case "cache-hungry":
                return Exited(0, [], wallTime: cacheWays < HungryWays ? HungryWallTime * HungryWays / cacheWays.Value : HungryWallTime);
            case "cache-refused":
                return Exited(0, []);
            default:
                throw new InvalidOperationException($"Unknown script '{function.Command[0]}'.");
        }
    }

    private static ExecutionOutcome Exited(int code, byte[] output, string logs = "", TimeSpan? wallTime = null) =>
        new(code, output, logs, TimedOut: false, wallTime ?? TimeSpan.FromMilliseconds(1), OutputTruncated: false, Conditions: new RunConditions(Cold: false, null, null));
}
