using Orleans.Faas.Prediction.Features;

namespace Orleans.Faas.Prediction;

/// <summary>Predicts how long a function runs on a provider. Implementations are immutable and safe to call from any thread.</summary>
public interface IRuntimeModel
{
    /// <summary>0 for the linear efficiency model; the store's version for a trained one.</summary>
    int Version { get; }

    /// <summary>The learner, e.g. <c>linear</c> or <c>fasttree</c>.</summary>
    string Kind { get; }

    /// <summary>The run's wall time in milliseconds; <see cref="double.NaN"/> when the model cannot predict it.</summary>
    double PredictMs(RuntimeFeatures features);
}
