using Orleans.Faas.Models;

namespace Orleans.Faas.IntegrationTests.Storage;

/// <summary>Model versions as a trainer would add them, with a version number the store is meant to ignore.</summary>
internal static class SampleModels
{
    private static readonly DateTimeOffset TrainedAt = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static ModelVersionInfo Info(bool promoted, ModelMetrics? incumbent = null) =>
        new(Version: 99, "fasttree", TrainedAt, TrainingRows: 1200, Metrics(40.5), Metrics(95.25), incumbent, promoted);

    public static ModelMetrics Metrics(double maeMs) => new(maeMs, Mape: 0.125, R2: 0.87, Rows: 1200, Folds: 5);
}
