namespace Orleans.Faas.Predictions;

/// <summary>Answers predictions from the silo's own provider view and model; stateless, so any silo answers.</summary>
[Alias("faas.IPredictionGrain")]
public interface IPredictionGrain : IGrainWithIntegerKey
{
    /// <summary>Throws <see cref="Functions.FunctionNotFoundException"/> for an unknown function.</summary>
    [Alias("Predict")]
    Task<PredictionReport> Predict(string function, long inputSize);
}
