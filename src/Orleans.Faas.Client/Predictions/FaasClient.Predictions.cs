namespace Orleans.Faas.Client;

public partial class FaasClient
{
    /// <summary>Where an invocation of <paramref name="inputSize"/> would finish first, every provider ranked.</summary>
    public virtual Task<PredictionReport> PredictAsync(string function, long inputSize, CancellationToken cancellationToken = default) =>
        PredictAsync(function, inputSize, null, cancellationToken);

    /// <summary>Where an invocation of <paramref name="inputSize"/> carrying these values of the function's declared features would finish first.</summary>
    public virtual Task<PredictionReport> PredictAsync(string function, long inputSize, IReadOnlyDictionary<string, double>? features, CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<PredictionReport>(
            RequestPath.With($"v1/functions/{Escape(function)}/predictions", ("inputSize", inputSize), ("features", FeatureParameter.Format(features))), cancellationToken);
}
