using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.History;
using Orleans.Faas.Prediction.Evaluation;
using Orleans.Faas.Prediction.Training;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Models;

/// <summary>
/// Trains in the background, never inside a grain turn: the training itself runs in a child process (or on the
/// thread pool in test clusters), and the grain stays reentrant so status calls answer meanwhile. A candidate is
/// stored as a new version either way, and becomes current only when its cross-validated error beats both the
/// current model's and the linear model's on the same folds.
/// </summary>
[Reentrant]
public sealed partial class ModelTrainerGrain(
    IExecutionHistory history,
    IModelStore store,
    IModelTrainer trainer,
    TrainingRows trainingRows,
    RuntimeModels models,
    IOptions<ModelOptions> options,
    TimeProvider clock,
    ILogger<ModelTrainerGrain> logger)
    : Grain, IModelTrainerGrain
{
    private Task? _training;
    private DateTimeOffset _trainedUpTo = DateTimeOffset.MinValue;
    private DateTimeOffset? _lastFinishedAt;
    private string? _lastOutcome;
    private int _newRows;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AutoTrain)
            this.RegisterGrainTimer(CheckForNewRows, options.Value.CheckInterval, options.Value.CheckInterval);
        return Task.CompletedTask;
    }

    public Task<TrainingStatus> Train()
    {
        _training ??= TrainInBackground();
        return GetStatus();
    }

    public Task<TrainingStatus> GetStatus() => Task.FromResult(new TrainingStatus(_training is not null, _lastFinishedAt, _lastOutcome, _newRows));

    private async Task CheckForNewRows(CancellationToken cancellationToken)
    {
        var runs = await history.QueryAsync(new ExecutionQuery(null, null, options.Value.Window), cancellationToken);
        _newRows = runs.Count(r => r.Status == TaskState.Completed && r.FinishedAt > _trainedUpTo);
        if (_newRows >= options.Value.MinNewRows)
            _training ??= TrainInBackground();
    }

    private async Task TrainInBackground()
    {
        var startedAt = clock.GetUtcNow();
        try
        {
            _lastOutcome = await TrainOnce();
        }
        catch (Exception e)
        {
            LogTrainingFailed(e);
            _lastOutcome = $"failed: {e.Message}";
        }
        finally
        {
            _trainedUpTo = startedAt;
            _newRows = 0;
            _lastFinishedAt = clock.GetUtcNow();
            _training = null;
        }
    }

    private async Task<string> TrainOnce()
    {
        var rows = await trainingRows.BuildAsync(CancellationToken.None);
        if (rows.Count < CrossValidation.MinimumRows)
            return $"not trained: {rows.Count} completed runs, at least {CrossValidation.MinimumRows} are needed";

        var incumbent = await store.GetCurrentAsync(CancellationToken.None);
        var outcome = await Task.Run(() => trainer.TrainAsync(rows, incumbent, CancellationToken.None));
        if (outcome.NotTrained is { } why)
            return $"not trained: {why}";
        var info = await store.AddAsync(
            new ModelVersionInfo(0, outcome.Kind, clock.GetUtcNow(), rows.Count, outcome.Metrics, outcome.Linear, outcome.Incumbent, outcome.Better),
            outcome.Bytes,
            CancellationToken.None);
        LogTrained(info.Version, rows.Count, info.Metrics.Mape, info.Linear.Mape, info.Incumbent?.Mape, info.Promoted);
        if (!info.Promoted)
            return $"version {info.Version} kept out: its error did not beat the current model's and the linear model's";
        await models.RefreshAsync(CancellationToken.None);
        return $"version {info.Version} promoted";
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Model version {Version} trained on {Rows} runs: MAPE {Mape:P1}, linear {LinearMape:P1}, incumbent {IncumbentMape:P1}; promoted: {Promoted}")]
    private partial void LogTrained(int version, int rows, double mape, double linearMape, double? incumbentMape, bool promoted);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model training failed; the current model stays")]
    private partial void LogTrainingFailed(Exception exception);
}
