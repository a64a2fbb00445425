using System.Text.Json;
using Orleans.Faas.Prediction.Store;
using Orleans.Faas.Prediction.Training;

namespace Orleans.Faas.Prediction.OutOfProcess;

/// <summary>
/// The <c>train</c> verb, run in the child process <see cref="OutOfProcessModelTrainer"/> starts: reads a training
/// request as JSON, trains, and writes the <see cref="TrainingOutcome"/> as JSON. Nothing else may write to the output.
/// </summary>
public static class TrainingCommand
{
    /// <returns>The exit code: 0 once the outcome is written; a failure throws, which the child reports on its error stream.</returns>
    public static async Task<int> RunAsync(Stream input, Stream output, CancellationToken cancellationToken)
    {
        var request = await JsonSerializer.DeserializeAsync<TrainingRequest>(input, TrainingJson.Options, cancellationToken)
            ?? throw new InvalidDataException("The training request is empty.");
        var outcome = ModelTraining.Train(request.Rows, request.Incumbent?.ToRuntimeModel(), request.Settings);
        await JsonSerializer.SerializeAsync(output, outcome, TrainingJson.Options, cancellationToken);
        await output.FlushAsync(cancellationToken);
        return 0;
    }
}
