using Orleans.Faas.Benchmarks.Measurement;
using Spectre.Console;

namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>The simulator's tables: every placement in a scenario beside the predictive one, with the targets marked.</summary>
public static class SimulationReport
{
    public static void Scenario(SimulationScenario scenario)
    {
        var predictive = scenario.Of(SimulatedPlacement.Predictive);
        var table = new Table().Title($"{scenario}: {scenario.Tasks:N0} tasks, completion = finish − arrival")
            .AddColumns("placement", "mean s", "p95 s", "p99 s", "makespan s", "utilisation", "cold", "re-placed",
                "predictive mean / this", "predictive p99 / this", "target", "verdict", "simulated in s");
        foreach (var result in scenario.Results)
        {
            var target = SimulationTarget.For(scenario, result.Placement);
            var isPredictive = result == predictive;
            table.AddRow(
                result.Placement.Label,
                Seconds(result.Completion.Mean),
                Seconds(result.Completion.Percentile(95)),
                Seconds(result.Completion.Percentile(99)),
                Seconds(result.MakespanMs),
                result.Utilisation.ToString("P0"),
                result.Cold.ToString("N0"),
                result.Replaced.ToString("N0"),
                isPredictive ? "baseline" : (predictive.Completion.Mean / result.Completion.Mean).ToString("0.00"),
                isPredictive ? "" : (predictive.Completion.Percentile(99) / result.Completion.Percentile(99)).ToString("0.00"),
                target?.Text ?? "",
                target is null ? "" : Verdict.Of(target.MetIn(scenario)),
                result.Simulating.TotalSeconds.ToString("0.0"));
        }
        ResultTable.Write(table);
    }

    /// <summary>Every target of every scenario in one place, and how many were met.</summary>
    public static void Targets(IReadOnlyList<SimulationScenario> scenarios)
    {
        var table = new Table().Title("Simulator targets (100 and 1,000 providers)")
            .AddColumns("scenario", "predictive against", "target", "ratio", "verdict");
        var met = 0;
        var all = 0;
        foreach (var scenario in scenarios)
        {
            foreach (var result in scenario.Results)
            {
                if (SimulationTarget.For(scenario, result.Placement) is not { } target)
                    continue;
                all++;
                met += target.MetIn(scenario) ? 1 : 0;
                table.AddRow(scenario.ToString(), target.Against.Label, target.Text, target.Ratio(scenario).ToString("0.00"), Verdict.Of(target.MetIn(scenario)));
            }
        }
        ResultTable.Write(table);
        Console.WriteLine($"targets met: {met} of {all}");
    }

    private static string Seconds(double ms) => (ms / 1000).ToString("0.00");
}
