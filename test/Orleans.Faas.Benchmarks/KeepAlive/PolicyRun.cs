using System.Collections.Concurrent;
using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orleans.Faas.Client;
using Orleans.Faas.Runtime.Docker;
using TaskState = Orleans.Faas.Client.TaskState;

namespace Orleans.Faas.Benchmarks.KeepAlive;

/// <summary>
/// One keep-alive policy's silo under the trace: its calls (how many started a container) and its idle containers,
/// counted on the engine every quarter second as the node's containers of each arrival shape less the calls of that
/// shape in flight there.
/// </summary>
/// <param name="shapeOf">The arrival shape of each function of the trace, by name.</param>
public sealed class PolicyRun(string policy, FaasClient client, DockerClient docker, string node, IReadOnlyDictionary<string, ArrivalShape> shapeOf)
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(250);

    private readonly int[] _inFlight = new int[Enum.GetValues<ArrivalShape>().Length];
    private readonly double[] _idleContainerSeconds = new double[Enum.GetValues<ArrivalShape>().Length];
    private int _calls;
    private int _cold;
    private int _failed;
    private readonly ConcurrentDictionary<ArrivalShape, int> _coldByShape = new();

    public string Policy => policy;

    public FaasClient Client => client;

    public int Calls => _calls;

    public int Cold => _cold;

    public int Failed => _failed;

    /// <summary>Cold starts by the arrival shape of the function called.</summary>
    public int ColdOf(ArrivalShape shape) => _coldByShape.GetValueOrDefault(shape);

    /// <summary>Calls that started a container, of those that ran.</summary>
    public double ColdFraction => _calls - _failed == 0 ? 0 : (double)_cold / (_calls - _failed);

    /// <summary>Idle containers summed over the replay, in real seconds.</summary>
    public double IdleContainerSeconds => _idleContainerSeconds.Sum();

    /// <summary>Idle containers of the functions of an arrival shape summed over the replay, in real seconds.</summary>
    public double IdleContainerSecondsOf(ArrivalShape shape) => _idleContainerSeconds[(int)shape];

    public async Task Call(string function, ReadOnlyMemory<byte> input)
    {
        var shape = shapeOf[function];
        Interlocked.Increment(ref _calls);
        Interlocked.Increment(ref _inFlight[(int)shape]);
        try
        {
            var task = await (await client.StartInvocationAsync(function, input)).WaitForCompletionAsync();
            if (task.Status != TaskState.Completed)
                Interlocked.Increment(ref _failed);
            else if (task.Metrics?.Cold == true)
            {
                Interlocked.Increment(ref _cold);
                _coldByShape.AddOrUpdate(shape, 1, (_, cold) => cold + 1);
            }
        }
        catch (FaasRequestException)
        {
            Interlocked.Increment(ref _failed);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight[(int)shape]);
        }
    }

    /// <summary>Adds up the idle containers until <paramref name="stop"/> is cancelled.</summary>
    public async Task SampleIdle(CancellationToken stop)
    {
        var filter = new ContainersListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{DockerRunner.NodeLabel}={node}"] = true } },
        };
        var last = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(SampleEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var containers = (await docker.Containers.ListContainersAsync(filter, stop)).CountBy(c => shapeOf[c.Labels[DockerRunner.FunctionLabel]]).ToDictionary();
                var now = Stopwatch.GetTimestamp();
                foreach (var (shape, count) in containers)
                    _idleContainerSeconds[(int)shape] += Math.Max(0, count - Volatile.Read(ref _inFlight[(int)shape])) * Stopwatch.GetElapsedTime(last, now).TotalSeconds;
                last = now;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The replay is over.
        }
    }
}
