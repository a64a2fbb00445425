using System.Collections.Immutable;
using System.Text;
using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Docker;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Runtime.Python;

/// <summary>
/// Runs python functions in containers of the Python image through the node's Docker runner, so they get the same box,
/// limits, warm pool and metrics as any docker function. The Docker runner's idle containers and their removal cover
/// these too.
/// </summary>
public sealed class PythonRunner(DockerRunner docker) : IFunctionRunner
{
    // With the check's own timeout, inside Orleans' 30 s response timeout that the registering grain call waits under.
    private static readonly TimeSpan PlaceWait = TimeSpan.FromSeconds(10);

    // Checks run outside the node's slots, one container each: at most one per core at once, however many registrations come.
    private readonly SemaphoreSlim _checks = new(Environment.ProcessorCount);

    public FunctionRuntime Runtime => FunctionRuntime.Python;

    /// <summary>Why this node cannot build the Python image (Debian's python3 or python3-dill is missing, with the apt-get command); null when it can.</summary>
    public static string? MissingOnThisNode() => PythonRootfs.MissingOn("/");

    public Task<ExecutionOutcome> RunAsync(FunctionDefinition function, ReadOnlyMemory<byte> input, CancellationToken cancellationToken) =>
        docker.RunAsync(function, input, cancellationToken);

    public Task<ExecutionOutcome> RunAsync(FunctionDefinition function, ReadOnlyMemory<byte> input, int? cacheWays, CancellationToken cancellationToken) =>
        docker.RunAsync(function, input, cacheWays, cancellationToken);

    /// <summary>
    /// Compiles the source, or unpickles the callable, in a fresh container of the Python image: unpickling runs
    /// arbitrary code, so it never happens on the node itself.
    /// </summary>
    /// <exception cref="FunctionStartException">The check itself could not run (no image, no engine, a timeout, no free place for it).</exception>
    public async Task<ImmutableDictionary<string, string[]>> CheckAsync(FunctionDefinition function, CancellationToken cancellationToken)
    {
        var check = PythonContainer.ForCheck(function);
        if (!await _checks.WaitAsync(PlaceWait, cancellationToken))
            throw new FunctionStartException($"Checking the code of function '{function.Name}' found this node busy checking {Environment.ProcessorCount} others.");
        ExecutionOutcome outcome;
        try
        {
            outcome = await docker.RunAsync(check, ReadOnlyMemory<byte>.Empty, cancellationToken);
        }
        finally
        {
            _checks.Release();
        }
        if (!outcome.Succeeded)
        {
            throw new FunctionStartException(
                $"Checking the code of function '{function.Name}' did not finish (exit code {outcome.ExitCode}, timed out: {outcome.TimedOut}, limit: {outcome.LimitHit ?? "none"}): {outcome.Logs.Trim()}");
        }
        var problem = Encoding.UTF8.GetString(outcome.Output).Trim();
        return problem.Length == 0
            ? ImmutableDictionary<string, string[]>.Empty
            : ImmutableDictionary<string, string[]>.Empty.Add(PythonContainer.CheckedField(function), [problem]);
    }
}
