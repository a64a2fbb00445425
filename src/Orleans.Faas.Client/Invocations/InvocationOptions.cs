namespace Orleans.Faas.Client;

/// <summary>How one invocation is placed.</summary>
public sealed record InvocationOptions
{
    /// <summary>Pin the task to this provider: it fails instead of moving when that provider is lost.</summary>
    public string? Provider { get; init; }

    /// <summary>The size the function's work follows, when it is not the input's byte length.</summary>
    public long? InputSize { get; init; }
}
