namespace Orleans.Faas.Client;

/// <summary>
/// A named number a function's run time may follow besides its input size (e.g. a model's layer count): invocations
/// carry its value (<see cref="InvocationOptions.Features"/>) and the runtime model learns from it.
/// </summary>
public sealed record DeclaredFeature
{
    /// <summary>1–63 of <c>a-z</c>, <c>0-9</c> and <c>_</c>, starting with a letter.</summary>
    public required string Name { get; init; }

    /// <summary>An invocation without a value for it is refused.</summary>
    public bool Required { get; init; }

    /// <summary>The least value an invocation may give; null for no bound.</summary>
    public double? Min { get; init; }

    /// <summary>The greatest value an invocation may give; null for no bound.</summary>
    public double? Max { get; init; }
}
