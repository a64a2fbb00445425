namespace Orleans.Faas.Functions;

/// <summary>
/// A named number a function's run time may follow besides its input size (a model's layer count, an image's pixels),
/// which each invocation may carry and the runtime model learns from.
/// </summary>
/// <param name="Name">1-63 of a-z, 0-9 and '_', starting with a letter; unique within the function.</param>
/// <param name="Required">An invocation without a value for it is refused.</param>
/// <param name="Min">The least value an invocation may give; null for no bound.</param>
/// <param name="Max">The greatest value an invocation may give; null for no bound.</param>
[GenerateSerializer, Immutable, Alias("faas.DeclaredFeature")]
public sealed record DeclaredFeature(
    [property: Id(0)] string Name,
    [property: Id(1)] bool Required = false,
    [property: Id(2)] double? Min = null,
    [property: Id(3)] double? Max = null)
{
    /// <summary>The most a function may declare: the runtime model keeps a column for each, whatever the function.</summary>
    public const int MaximumPerFunction = 8;
}
