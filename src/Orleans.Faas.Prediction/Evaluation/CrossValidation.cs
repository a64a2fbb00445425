using Orleans.Faas.Prediction.Linear;
using Orleans.Faas.Prediction.Training;
using Orleans.Faas.Prediction.Trees;
using static Orleans.Faas.Prediction.Evaluation.ModelEvaluation;

namespace Orleans.Faas.Prediction.Evaluation;

/// <summary>
/// k-fold cross-validation: the rows are shuffled with the settings' seed and dealt into k folds; for each fold a
/// candidate is trained on the other folds, and it, the linear model and the incumbent all predict the fold's rows.
/// The metrics pool every held-out prediction, so each row counts once for every model.
/// </summary>
public static class CrossValidation
{
    /// <summary>Fewer rows than this leave nothing to train: two folds of ten rows is the least that means anything.</summary>
    public const int MinimumRows = 20;

    /// <summary>Each fold holds at least this many rows.</summary>
    public const int RowsPerFold = 10;

    public const int MaximumFolds = 5;

    /// <summary>min(5, rows / 10); 0 below <see cref="MinimumRows"/>.</summary>
    public static int FoldsFor(int rows) => rows < MinimumRows ? 0 : Math.Min(MaximumFolds, rows / RowsPerFold);

    /// <param name="rows">Rows with positive wall times (<see cref="TrainingRow.HasWallTime"/>), at least <see cref="MinimumRows"/>.</param>
    /// <param name="incumbent">The current model, already trained; null when there is none.</param>
    public static CrossValidationResult Run(IReadOnlyList<TrainingRow> rows, IRuntimeModel? incumbent, TrainingSettings settings)
    {
        var folds = FoldsFor(rows.Count);
        if (folds == 0)
            throw new ArgumentException($"{rows.Count} rows leave nothing to train: cross-validation needs at least {MinimumRows}.", nameof(rows));

        var foldOf = DealFolds(rows.Count, folds, settings.Seed);
        var candidate = new List<PredictedRow>(rows.Count);
        var linear = new List<PredictedRow>(rows.Count);
        var current = new List<PredictedRow>(rows.Count);
        for (var fold = 0; fold < folds; fold++)
        {
            var model = FastTreeRuntimeModel.Train(rows.Where((_, i) => foldOf[i] != fold), settings);
            foreach (var row in rows.Where((_, i) => foldOf[i] == fold))
            {
                candidate.Add(new(row.WallMs, model.PredictMs(row.Features)));
                linear.Add(new(row.WallMs, LinearEfficiencyModel.Instance.PredictMs(row.Features)));
                if (incumbent is not null)
                    current.Add(new(row.WallMs, incumbent.PredictMs(row.Features)));
            }
        }
        return new(Score(candidate, folds), Score(linear, folds), incumbent is null ? null : Score(current, folds));
    }

    /// <summary>Each row's fold: a seeded shuffle of the positions, dealt round-robin so the folds differ in size by one at most.</summary>
    private static int[] DealFolds(int rows, int folds, int seed)
    {
        var order = Enumerable.Range(0, rows).ToArray();
        new Random(seed).Shuffle(order);
        var foldOf = new int[rows];
        for (var position = 0; position < rows; position++)
            foldOf[order[position]] = position % folds;
        return foldOf;
    }
}
