using Orleans.Faas.Models;

namespace Orleans.Faas.Prediction.Evaluation;

/// <summary>Every model's error over the same held-out rows.</summary>
/// <param name="Candidate">The FastTree model trained afresh on each fold's other rows.</param>
/// <param name="Linear">The linear efficiency model.</param>
/// <param name="Incumbent">The current model, unchanged across folds; null when there is none.</param>
public sealed record CrossValidationResult(ModelMetrics Candidate, ModelMetrics Linear, ModelMetrics? Incumbent);
