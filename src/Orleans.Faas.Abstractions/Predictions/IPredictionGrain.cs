using System.Collections.Immutable;

namespace Orleans.Faas.Predictions;

/// <summary>Answers predictions from the silo's own provider view and model; stateless, so any silo answers.</summary>
[Alias("faas.IPredictionGrain")]
public interface IPredictionGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Throws <see cref="Functions.FunctionNotFoundException"/> for an unknown function and
    /// <see cref="Functions.InvalidFeatureValuesException"/> for values its declared features refuse.
    /// </summary>
    /// <param name="features">Values of the function's declared features; null for none.</param>
    [Alias("Predict")]
    Task<PredictionReport> Predict(string function, long inputSize, ImmutableDictionary<string, double>? features = null);
}
