using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Scheduling;

/// <summary>How the cluster measures its providers and places tasks on them (<c>Faas:Scheduling</c>).</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Faas:Scheduling";

    /// <summary>The provider every other one is scored against until an operator picks another; unset, the first to register.</summary>
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    public string? ReferenceProvider { get; set; }

    /// <summary>Scores older than this are measured again by the platform itself.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan ScoreMaxAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Benchmark Docker providers by themselves, once there are two: when they join unmeasured and when their scores age. Off, only on demand.</summary>
    public bool AutoBenchmark { get; set; } = true;

    /// <summary>Warm runs of each workload per provider in a benchmark the platform starts itself.</summary>
    [Range(3, 100)]
    public int BenchmarkRepetitions { get; set; } = 5;

    /// <summary>How long a benchmark job the platform starts itself may take.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan BenchmarkTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The policy of every function that names none of its own.</summary>
    public PlacementPolicyKind Policy { get; set; } = PlacementPolicyKind.Predictive;

    /// <summary>What a new container is expected to cost on a provider that has not started one yet.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ColdStartEstimate { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The run time assumed, at the reference provider's speed, for a function without a profile to predict from.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan UnprofiledRuntime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The predictive policy ranks every provider with the linear efficiency model, then asks the trained model about
    /// this many of the best; the rest keep the linear ranking.
    /// </summary>
    [Range(1, 1000)]
    public int Shortlist { get; set; } = 8;

    /// <summary>How often each silo's provider view subscribes to every provider again (finding new ones, renewing the rest).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:50")]
    public TimeSpan ViewRefresh { get; set; } = TimeSpan.FromSeconds(10);
}
