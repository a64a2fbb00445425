using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.Gateway.Benchmarks;

namespace Orleans.Faas.Gateway.Compat.Fsched;

/// <summary><c>task/benchmark</c>: a profile job of the task at one input size, waited for a while.</summary>
public static class TaskBenchmark
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the answer waits for the profile: Fsched's caller waits for its benchmark; a longer one answers 202.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromMinutes(2);

    public static BenchmarkRequest ProfileAt(string function, long inputSize) => new(
        BenchmarkKind.Profile, [], function, [inputSize], BenchmarkRequestBody.DefaultRepetitions, ImmutableDictionary<long, byte[]>.Empty,
        null, BenchmarkRequestBody.DefaultTimeout, null);

    /// <summary>The job once it ended, or as it is when <paramref name="wait"/> ran out.</summary>
    public static async Task<BenchmarkSnapshot> WaitAsync(IGrainFactory grains, Guid job, TimeSpan wait, TimeProvider clock, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + wait;
        using var timer = new PeriodicTimer(Poll, clock);
        while (true)
        {
            var snapshot = await grains.GetGrain<IBenchmarkGrain>(job).GetSnapshot() ?? throw new BenchmarkNotFoundException(job);
            if (snapshot.IsFinished || clock.GetUtcNow() >= deadline || !await timer.WaitForNextTickAsync(ct))
                return snapshot;
        }
    }
}

/// <summary>A finished profile as Fsched answers it: the median run time at the size.</summary>
public sealed record BenchmarkAnswer(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("exec_time")] ExecTime ExecTime,
    [property: JsonPropertyName("benchmark_id")] Guid BenchmarkId);

/// <param name="Time">The median wall time of the measured runs, e.g. <c>15ms</c>.</param>
public sealed record ExecTime([property: JsonPropertyName("input_size")] long InputSize, [property: JsonPropertyName("time")] string Time);
