using System.Collections.Concurrent;
using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Tests.Cluster;

/// <summary>
/// A process-runtime runner whose behaviour is picked by the function's first command word, so grain tests can
/// drive every outcome without real processes: echo, whoami (the silo's name), fail, timeout, block (until released),
/// unstartable, engine-down, vanish (the worker drops the attempt without a word) and vanish-once (only the first time
/// for a given input).
/// </summary>
public sealed class ScriptedRunner(string siloName, SemaphoreSlim gate) : IFunctionRunner
{
    private static readonly ConcurrentDictionary<string, bool> Vanished = new();

    public FunctionRuntime Runtime => FunctionRuntime.Process;

    public async Task<ExecutionOutcome> RunAsync(FunctionDefinition function, ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
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
            default:
                throw new InvalidOperationException($"Unknown script '{function.Command[0]}'.");
        }
    }

    private static ExecutionOutcome Exited(int code, byte[] output, string logs = "") =>
        new(code, output, logs, TimedOut: false, TimeSpan.FromMilliseconds(1), OutputTruncated: false, Conditions: new RunConditions(Cold: false, null, null));
}
