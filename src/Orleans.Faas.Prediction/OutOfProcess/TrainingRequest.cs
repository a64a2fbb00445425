using Orleans.Faas.Models;
using Orleans.Faas.Prediction.Training;

namespace Orleans.Faas.Prediction.OutOfProcess;

/// <summary>What the trainer child process reads from its standard input: the arguments of <see cref="ModelTraining.Train"/>.</summary>
internal sealed record TrainingRequest(IReadOnlyList<TrainingRow> Rows, StoredModel? Incumbent, TrainingSettings Settings);
