using Orleans.Faas.Benchmarks.Measurement;
using Spectre.Console;

namespace Orleans.Faas.Benchmarks.Decisions;

/// <summary>One provider count's scenarios side by side, each scenario's p99 against the baseline's.</summary>
public static class DecisionTable
{
    public static void Print(string title, IReadOnlyList<(DecisionSample OneThread, DecisionSample TwoThreads)> scenarios)
    {
        var baseline = scenarios[0].OneThread.Times.Percentile(99);
        var table = new Table().Title(title).AddColumns(
            "scenario", "decisions", "/s 1 thread", "/s 2 threads", "p50 µs", "p99 µs", "max µs", "p99 µs 2 threads", "KiB each", "GC during", "p99 / baseline");
        foreach (var (one, two) in scenarios)
        {
            table.AddRow(
                one.Times.Scenario,
                one.Times.Count.ToString("N0"),
                one.PerSecond.ToString("N0"),
                two.PerSecond.ToString("N0"),
                Microseconds(one.Times.Median),
                Microseconds(one.Times.Percentile(99)),
                Microseconds(one.Times.Max),
                Microseconds(two.Times.Percentile(99)),
                (one.BytesPerDecision / 1024).ToString("N1"),
                one.CollectedShare.ToString("P1"),
                (one.Times.Percentile(99) / baseline).ToString("0.00"));
        }
        ResultTable.Write(table);
    }

    private static string Microseconds(double milliseconds) => (milliseconds * 1000).ToString("N0");
}
