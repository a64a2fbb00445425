using System.CommandLine;

namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>The <c>placement</c> verb: its options and how they become <see cref="PlacementSettings"/>.</summary>
public static class PlacementCommand
{
    public static Command Create(Option<Uri> gateway)
    {
        var providers = new Option<int>("--providers") { Description = "Providers the cluster has; the benchmark waits until all are scored", DefaultValueFactory = _ => 3 };
        var repetitions = new Option<int>("--repetitions") { Description = "Measured pinned runs of every task on every provider", DefaultValueFactory = _ => 5 };
        var tasks = new Option<int>("--tasks") { Description = "Tasks in the arrival sequence each placement is given", DefaultValueFactory = _ => 150 };
        var load = new Option<double>("--load") { Description = "How busy the arrivals keep the cluster under ideal placement (0-1)", DefaultValueFactory = _ => 0.7 };
        var seed = new Option<int>("--seed") { Description = "Seeds the arrival sequence", DefaultValueFactory = _ => 20261123 };
        var output = new Option<string>("--output") { Description = "Where the charts and the task log go", DefaultValueFactory = _ => Directory.GetCurrentDirectory() };
        var command = new Command("placement", "The same Poisson arrivals under every placement policy and an oracle, on unequal providers")
        {
            gateway, providers, repetitions, tasks, load, seed, output,
        };
        command.SetAction(parsed => PlacementBenchmark.Run(new PlacementSettings(
            parsed.GetValue(gateway)!,
            parsed.GetValue(providers),
            parsed.GetValue(repetitions),
            parsed.GetValue(tasks),
            parsed.GetValue(load),
            parsed.GetValue(seed),
            parsed.GetValue(output)!)));
        return command;
    }
}
