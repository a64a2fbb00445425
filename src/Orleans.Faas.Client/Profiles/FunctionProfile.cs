namespace Orleans.Faas.Client;

/// <summary>A function's cost per input size, and its cache need once a sweep found it.</summary>
public sealed record FunctionProfile
{
    public string Function { get; init; } = "";

    public IReadOnlyList<ProfilePoint> Points { get; init; } = [];

    public CacheNeed? CacheNeed { get; init; }
}
