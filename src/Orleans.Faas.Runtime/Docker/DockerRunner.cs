using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>
/// Runs each attempt in a fresh container on this node's engine, limited to the function's CPU and memory, and removes it afterwards.
/// Images are not pulled: one missing on this node is a start failure.
/// </summary>
public sealed partial class DockerRunner(IOptions<DockerOptions> docker, IOptions<RunnerOptions> options, ILogger<DockerRunner> logger)
    : IFunctionRunner, IDisposable
{
    /// <summary>Label on every container this runner creates, valued with the function's name, so ours can be listed and cleaned up.</summary>
    public const string FunctionLabel = "orleans.faas.function";

    // Output the engine still holds is read after the container ends; past this we stop waiting for it.
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    private readonly string _endpoint = docker.Value.Endpoint;
    private readonly DockerClient _client = new DockerClientConfiguration(new Uri(docker.Value.Endpoint)).CreateClient();

    public FunctionRuntime Runtime => FunctionRuntime.Docker;

    /// <remarks>The wall time covers creating, starting and running the container, not removing it.</remarks>
    public async Task<ExecutionOutcome> RunAsync(FunctionDefinition function, ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        var spec = ContainerBlueprint.For(function);
        var output = new CappedOutput(options.Value.MaxOutputBytes);
        var logs = new LogTail(options.Value.MaxLogBytes);
        var clock = Stopwatch.StartNew();
        var id = await CreateAsync(function, spec);
        try
        {
            using var stream = await EngineStep(function, "attach to", cancellationToken, () =>
                _client.Containers.AttachContainerAsync(id, tty: false, new ContainerAttachParameters { Stream = true, Stdin = true, Stdout = true, Stderr = true }, cancellationToken));
            await EngineStep(function, "start", cancellationToken, () =>
                _client.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellationToken));
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(function.Timeout);

            using var readStop = new CancellationTokenSource();
            var feeding = AttachedStreams.FeedAsync(stream, input, deadline.Token);
            var reading = AttachedStreams.ReadAsync(stream, output, logs, readStop.Token);
            int? exitCode = null;
            try
            {
                exitCode = (int)(await _client.Containers.WaitContainerAsync(id, deadline.Token)).StatusCode;
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                await KillAsync(id);
                if (!cancellationToken.IsCancellationRequested)
                    LogTimedOut(function.Name, function.Timeout, id);
            }

            readStop.CancelAfter(DrainGrace);
            await feeding;
            await Settle(reading);
            clock.Stop();

            cancellationToken.ThrowIfCancellationRequested();
            return new ExecutionOutcome(exitCode, output.ToArray(), logs.ToString(), TimedOut: exitCode is null, clock.Elapsed, output.Truncated);
        }
        finally
        {
            await RemoveAsync(id);
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Not cancellable midway: a container the engine made but whose id we never learned would be left behind.</summary>
    private async Task<string> CreateAsync(FunctionDefinition function, CreateContainerParameters spec)
    {
        try
        {
            return (await _client.Containers.CreateContainerAsync(spec, CancellationToken.None)).ID;
        }
        catch (DockerImageNotFoundException e)
        {
            throw new FunctionStartException($"Image '{function.Image}' is not present on this node: {DockerErrors.Describe(e)}", e);
        }
        catch (Exception e) when (e is DockerApiException || DockerErrors.IsUnreachable(e))
        {
            throw StartFailure(function, "create a container for", e);
        }
    }

    private async Task<T> EngineStep<T>(FunctionDefinition function, string step, CancellationToken cancellationToken, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when ((e is DockerApiException || DockerErrors.IsUnreachable(e)) && !cancellationToken.IsCancellationRequested)
        {
            throw StartFailure(function, step, e);
        }
    }

    private FunctionStartException StartFailure(FunctionDefinition function, string step, Exception e) =>
        DockerErrors.IsUnreachable(e)
            ? new FunctionStartException($"Docker at {_endpoint} did not answer: {DockerErrors.WhyUnreachable(_endpoint, e)}", e, runtimeUnreachable: true)
            : new FunctionStartException($"Docker at {_endpoint} could not {step} function '{function.Name}': {DockerErrors.Describe(e)}", e);

    private static async Task Settle(Task reading)
    {
        try
        {
            await reading;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The engine held the stream open past the grace, or dropped it; what was read so far is kept.
        }
    }

    private async Task KillAsync(string id)
    {
        try
        {
            await _client.Containers.KillContainerAsync(id, new ContainerKillParameters(), CancellationToken.None);
        }
        catch (DockerApiException e)
        {
            // Most often it exited on its own just now; the forced removal that follows ends it either way.
            LogKillFailed(id, DockerErrors.Describe(e));
        }
    }

    private async Task RemoveAsync(string id)
    {
        try
        {
            await _client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
        }
        catch (DockerContainerNotFoundException)
        {
            // Already gone: nothing is left behind.
        }
        catch (Exception e) when (e is DockerApiException || DockerErrors.IsUnreachable(e))
        {
            LogRemoveFailed(e, id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} ran past its timeout of {Timeout}; container {ContainerId} was killed")]
    private partial void LogTimedOut(string function, TimeSpan timeout, string containerId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Container {ContainerId} could not be killed: {Reason}")]
    private partial void LogKillFailed(string containerId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Container {ContainerId} could not be removed and is left behind")]
    private partial void LogRemoveFailed(Exception exception, string containerId);
}
