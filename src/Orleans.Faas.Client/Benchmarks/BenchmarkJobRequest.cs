namespace Orleans.Faas.Client;

/// <summary>What a benchmark job was asked to run, with the platform's defaults filled in.</summary>
public sealed record BenchmarkJobRequest
{
    public BenchmarkKind Kind { get; init; }

    public IReadOnlyList<string> Providers { get; init; } = [];

    public string? Function { get; init; }

    public IReadOnlyList<long> InputSizes { get; init; } = [];

    public int Repetitions { get; init; }

    public WorkloadOverrides? Overrides { get; init; }

    public TimeSpan Timeout { get; init; }

    public string? CallbackUrl { get; init; }

    /// <summary>Who asked: <c>api</c>, or the platform itself (<c>join</c>, <c>age</c>, <c>reference</c>).</summary>
    public string Trigger { get; init; } = "";
}
