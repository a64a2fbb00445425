namespace Orleans.Faas.Models;

/// <summary>How far recent predictions were from the run times that followed, for one function on one provider.</summary>
/// <param name="Mape">Mean absolute percentage error as a fraction, over the latest <paramref name="Samples"/> completed runs that had a prediction.</param>
[GenerateSerializer, Immutable, Alias("faas.LiveError")]
public sealed record LiveError(
    [property: Id(0)] string Function,
    [property: Id(1)] string Provider,
    [property: Id(2)] double Mape,
    [property: Id(3)] int Samples);
