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
/// counted every quarter second as the node's containers on the engine less the runs its worker has going. Not less
/// the calls in flight: calls that wait in the node's queue hold no container, and in a burst there are hundreds.
/// </summary>
/// <param name="shapeOf">The arrival shape of each function of the trace, by name.</param>
public sealed class PolicyRun(string policy, FaasClient client, DockerClient docker, string node, IReadOnlyDictionary<string, ArrivalShape> shapeOf)
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<ArrivalShape, int> _coldByShape = new();
    private readonly double[] _containerSecondsByShape = new double[Enum.GetValues<ArrivalShape>().Length];
    private int _calls;
    private int _cold;
    private int _failed;
    private int _inFlight;
    private double _idleContainerSeconds;
    private double _sampledSeconds;
    private double _inFlightSeconds;
    private double _runningSeconds;

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
    public double IdleContainerSeconds => _idleContainerSeconds;

    /// <summary>Containers of the functions of an arrival shape, running a call or idle, summed over the replay, in real seconds.</summary>
    public double ContainerSecondsOf(ArrivalShape shape) => _containerSecondsByShape[(int)shape];

    /// <summary>How many calls were in flight and how many of them ran on the node, on average over the replay.</summary>
    public (double InFlight, double Running) MeanCalls =>
        _sampledSeconds == 0 ? (0, 0) : (_inFlightSeconds / _sampledSeconds, _runningSeconds / _sampledSeconds);

    public async Task Call(string function, ReadOnlyMemory<byte> input)
    {
        Interlocked.Increment(ref _calls);
        Interlocked.Increment(ref _inFlight);
        try
        {
            var task = await (await client.StartInvocationAsync(function, input)).WaitForCompletionAsync();
            if (task.Status != TaskState.Completed)
                Interlocked.Increment(ref _failed);
            else if (task.Metrics?.Cold == true)
            {
                Interlocked.Increment(ref _cold);
                _coldByShape.AddOrUpdate(shapeOf[function], 1, (_, cold) => cold + 1);
            }
        }
        catch (FaasRequestException)
        {
            Interlocked.Increment(ref _failed);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
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
                var containers = await docker.Containers.ListContainersAsync(filter, stop);
                var running = (await client.GetProviderAsync(node, stop)).Running;
                var now = Stopwatch.GetTimestamp();
                var seconds = Stopwatch.GetElapsedTime(last, now).TotalSeconds;
                last = now;
                _idleContainerSeconds += Math.Max(0, containers.Count - running) * seconds;
                foreach (var (shape, count) in containers.CountBy(c => shapeOf[c.Labels[DockerRunner.FunctionLabel]]))
                    _containerSecondsByShape[(int)shape] += count * seconds;
                _sampledSeconds += seconds;
                _inFlightSeconds += Volatile.Read(ref _inFlight) * seconds;
                _runningSeconds += running * seconds;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The replay is over.
        }
    }
}
