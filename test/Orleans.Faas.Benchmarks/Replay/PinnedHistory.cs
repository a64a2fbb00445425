using System.Globalization;
using System.Text.RegularExpressions;
using Orleans.Faas.Prediction.Training;

namespace Orleans.Faas.Benchmarks.Replay;

/// <summary>
/// The history the placement benchmark trains its model on, rebuilt from its report, as the task log does not keep
/// it: the profiling runs on the reference provider, then the pinned runs of <c>TrueRunTimes</c>, every provider
/// running every kind in rounds at once until the slowest has done its rounds. Each run takes the median the report
/// gives for its kind there, times a spread of that kind on that provider measured in the arrival runs.
/// </summary>
public static partial class PinnedHistory
{
    /// <summary>The runs per input size the benchmark profiles (its <c>ProfileRepetitions</c>).</summary>
    private const int ProfileRepetitions = 5;

    /// <returns>The rows, newest first as the history gives them.</returns>
    public static IReadOnlyList<TrainingRow> Rebuild(string report, TaskLogReplay replay)
    {
        var lines = File.ReadAllLines(report);
        var repetitions = lines.Select(l => Repetitions().Match(l)).First(m => m.Success).Groups["runs"].Value;
        var (providers, medians) = ReadTable(lines);
        var spread = replay.Runs.SelectMany(r => r.CellRatios()).GroupBy(r => r.Cell).ToDictionary(g => g.Key, g => g.Select(r => r.Ratio).ToList());
        var kinds = medians.Keys.Select(k => k.Kind).Distinct().ToList();

        // The slowest provider's round takes longest; it runs one unmeasured round and the measured ones, the others as many as fit.
        var roundMs = providers.ToDictionary(p => p, p => kinds.Sum(k => medians[(k, p)]));
        var spanMs = (int.Parse(repetitions, CultureInfo.InvariantCulture) + 1) * roundMs.Values.Max();
        var runs = new List<(double StartMs, TrainingRow Row)>();
        var taken = new Dictionary<(string, string), int>();
        double Next((string Kind, string Provider) cell, double medianMs)
        {
            var ratios = spread.GetValueOrDefault(cell, [1.0]);
            var n = taken[cell] = taken.GetValueOrDefault(cell) + 1;
            return medianMs * ratios[n % ratios.Count];
        }

        // Profiling comes first, on the reference provider alone: its runs take the profile's time.
        var startMs = -kinds.Sum(k => ProfileRepetitions * replay.ReferenceMs(k));
        foreach (var kind in kinds)
        {
            for (var i = 0; i < ProfileRepetitions; i++)
            {
                var wallMs = Next((kind, replay.Reference), replay.ReferenceMs(kind));
                runs.Add((startMs, replay.Row(kind, replay.Reference, wallMs)));
                startMs += wallMs;
            }
        }
        foreach (var provider in providers)
        {
            var rounds = (int)Math.Ceiling(spanMs / roundMs[provider]);
            startMs = 0;
            for (var round = 0; round < rounds; round++)
            {
                foreach (var kind in kinds)
                {
                    var wallMs = Next((kind, provider), medians[(kind, provider)]);
                    runs.Add((startMs, replay.Row(kind, provider, wallMs)));
                    startMs += wallMs;
                }
            }
        }
        return [.. runs.OrderByDescending(r => r.StartMs).Select(r => r.Row)];
    }

    /// <summary>The report's table of true run times: a header row of providers, then a row per kind of median wall ms.</summary>
    internal static (IReadOnlyList<string> Providers, Dictionary<(string Kind, string Provider), double> Medians) ReadTable(string[] lines)
    {
        var rows = lines.SkipWhile(l => !l.Contains("True run times", StringComparison.Ordinal))
            .Where(l => l.StartsWith('│'))
            .Select(l => l.Trim('│').Split('│').Select(c => c.Trim()).ToArray())
            .TakeWhile(cells => cells[0] != "mean over the mix")
            .ToList();
        var providers = rows.First(cells => cells[0] == "task")[1..];
        var medians = new Dictionary<(string, string), double>();
        foreach (var cells in rows.Where(cells => cells[0] != "task" && cells[0].Length > 0))
        {
            for (var i = 0; i < providers.Length; i++)
                medians[(cells[0], providers[i])] = double.Parse(cells[i + 1], CultureInfo.InvariantCulture);
        }
        return (providers, medians);
    }

    // "measuring true run times: 5 warm runs of every task pinned to every provider"
    [GeneratedRegex(@"measuring true run times: (?<runs>\d+) warm runs")]
    private static partial Regex Repetitions();
}
