using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Scheduling;

/// <summary>How the cluster measures its providers (<c>Faas:Scheduling</c>).</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Faas:Scheduling";

    /// <summary>The provider every other one is scored against until an operator picks another; unset, the first to register.</summary>
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    public string? ReferenceProvider { get; set; }

    /// <summary>Scores older than this are measured again by the platform itself.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan ScoreMaxAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Benchmark providers by themselves: when they join unmeasured and when their scores age. Off, only on demand.</summary>
    public bool AutoBenchmark { get; set; } = true;

    /// <summary>Warm runs of each workload per provider in a benchmark the platform starts itself.</summary>
    [Range(3, 100)]
    public int BenchmarkRepetitions { get; set; } = 5;

    /// <summary>How long a benchmark job the platform starts itself may take.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan BenchmarkTimeout { get; set; } = TimeSpan.FromMinutes(15);
}
