using Orleans.Faas.Benchmarks.Measurement;
using Spectre.Console;

namespace Orleans.Faas.Benchmarks.Training;

/// <summary>Each silo's call latency during training beside its own idle latency.</summary>
public static class TrainingTable
{
    public static void Print(string title, IEnumerable<TrainingLatency> silos)
    {
        var table = new Table().Title(title)
            .AddColumns("trainer", "phase", "calls", "p50 ms", "p99 ms", "max ms", "p99 / idle p99", "each training s");
        foreach (var silo in silos)
        {
            AddRow(table, silo.Trainer, silo.Idle, "1.00", "");
            AddRow(table, silo.Trainer, silo.DuringTraining, silo.P99Ratio.ToString("0.00"), string.Join(" / ", silo.TrainingTimes.Select(t => t.TotalSeconds.ToString("0.0"))));
        }
        ResultTable.Write(table);
    }

    private static void AddRow(Table table, string trainer, Samples samples, string ratio, string training) =>
        table.AddRow(
            trainer,
            samples.Scenario,
            samples.Count.ToString("N0"),
            samples.Median.ToString("0.00"),
            samples.Percentile(99).ToString("0.00"),
            samples.Max.ToString("0.00"),
            ratio,
            training);
}
