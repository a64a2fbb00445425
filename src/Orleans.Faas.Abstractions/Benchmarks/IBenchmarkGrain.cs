namespace Orleans.Faas.Benchmarks;

/// <summary>One benchmark job, keyed by its id; started only by the <see cref="IBenchmarkSlotGrain"/> that holds the slot for it.</summary>
[Alias("faas.IBenchmarkGrain")]
public interface IBenchmarkGrain : IGrainWithGuidKey
{
    /// <summary>Stores the job as QUEUED and starts it in the background; the slot has validated the request.</summary>
    [Alias("Start")]
    Task<BenchmarkSnapshot> Start(BenchmarkRequest request);

    /// <summary>Ends an unfinished job as FAILED with reason cancelled, after its cleanup. Null when unknown.</summary>
    [AlwaysInterleave, Alias("Cancel")]
    Task<BenchmarkSnapshot?> Cancel();

    /// <summary>
    /// Ends an unfinished job as FINISHED with <paramref name="json"/> as its result, set from outside: its runs are
    /// stopped and it cleans up and frees the slot as any job does. Null when unknown.
    /// </summary>
    [AlwaysInterleave, Alias("SetResult")]
    Task<BenchmarkSnapshot?> SetResult(string json);

    /// <summary>Null when no job with this id was ever started.</summary>
    [AlwaysInterleave, Alias("GetSnapshot")]
    Task<BenchmarkSnapshot?> GetSnapshot();
}
