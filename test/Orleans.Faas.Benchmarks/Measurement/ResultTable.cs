using Spectre.Console;

namespace Orleans.Faas.Benchmarks.Measurement;

/// <summary>Prints scenarios side by side, each compared with the baseline measured in the same run.</summary>
public static class ResultTable
{
    public static void Print(string title, Samples baseline, params Samples[] scenarios)
    {
        var table = new Table().Title(title)
            .AddColumns("scenario", "runs", "median ms", "p90 ms", "min ms", "max ms", "median / baseline");
        foreach (var samples in (Samples[])[baseline, .. scenarios])
        {
            table.AddRow(
                samples.Scenario,
                samples.Count.ToString(),
                samples.Median.ToString("0.0"),
                samples.P90.ToString("0.0"),
                samples.Min.ToString("0.0"),
                samples.Max.ToString("0.0"),
                (samples.Median / baseline.Median).ToString("0.00"));
        }
        Write(table);
    }

    /// <summary>Writes any benchmark's table at a width that keeps it whole.</summary>
    public static void Write(Table table)
    {
        // Redirected output reports 80 columns; a wrapped table is hard to paste into a note.
        AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160);
        AnsiConsole.Write(table);
    }
}
