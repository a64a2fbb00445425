namespace Orleans.Faas.Profiles;

/// <summary>
/// What a function's completed runs taught about its cost, in half-octave buckets of input size, each keeping its
/// latest <see cref="SamplesPerBucket"/> runs, so the profile follows the function and its state stays bounded.
/// </summary>
[GenerateSerializer, Alias("faas.ObservedProfile")]
public sealed class ObservedProfile
{
    public const int SamplesPerBucket = 32;
    public const int MaxBuckets = 64;

    [Id(0)]
    public Dictionary<int, ObservedBucket> Buckets { get; set; } = [];

    public void Add(IEnumerable<ExecutionSample> samples, DateTimeOffset now)
    {
        foreach (var sample in samples)
        {
            var key = BucketOf(sample.InputSize);
            if (!Buckets.TryGetValue(key, out var bucket))
            {
                if (Buckets.Count >= MaxBuckets)
                    continue;
                Buckets[key] = bucket = new ObservedBucket();
            }
            bucket.Samples.Add(sample);
            if (bucket.Samples.Count > SamplesPerBucket)
                bucket.Samples.RemoveAt(0);
            bucket.LastAt = now;
        }
    }

    /// <summary>One point per bucket, at the median input size of its samples.</summary>
    public IEnumerable<ProfilePoint> Points(int functionVersion) =>
        Buckets.Values.Select(b => new ProfilePoint(
            (long)SampleStatistics.Median(b.Samples.Select(s => (double)s.InputSize)),
            SampleStatistics.Summarise(b.Samples),
            ProfileSource.Observed,
            b.LastAt,
            functionVersion));

    private static int BucketOf(long inputSize) => (int)Math.Round(2 * Math.Log2(Math.Max(1, inputSize)));
}

[GenerateSerializer, Alias("faas.ObservedBucket")]
public sealed class ObservedBucket
{
    [Id(0)]
    public List<ExecutionSample> Samples { get; set; } = [];

    [Id(1)]
    public DateTimeOffset LastAt { get; set; }
}
