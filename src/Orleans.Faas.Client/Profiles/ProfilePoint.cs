namespace Orleans.Faas.Client;

/// <summary>A function's measured cost at one input size.</summary>
public sealed record ProfilePoint
{
    public long InputSize { get; init; }

    public RunStatistics Stats { get; init; } = new();

    public ProfileSource Source { get; init; }

    public DateTimeOffset MeasuredAt { get; init; }

    public int FunctionVersion { get; init; }
}
