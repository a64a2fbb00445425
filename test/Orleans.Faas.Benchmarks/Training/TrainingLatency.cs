using Orleans.Faas.Benchmarks.Measurement;

namespace Orleans.Faas.Benchmarks.Training;

/// <summary>One silo's measured call while idle and while models trained, pooled over the rounds, and how the trainings went.</summary>
/// <param name="TrainingTimes">From each training request until the training finished.</param>
/// <param name="Outcome">What the last training ended with.</param>
/// <param name="TrainingRows">Runs the newest model version was trained on; null when none was trained.</param>
public sealed record TrainingLatency(
    string Trainer, Samples Idle, Samples DuringTraining, IReadOnlyList<TimeSpan> TrainingTimes, string? Outcome, int? TrainingRows)
{
    public double P99Ratio => DuringTraining.Percentile(99) / Idle.Percentile(99);
}
