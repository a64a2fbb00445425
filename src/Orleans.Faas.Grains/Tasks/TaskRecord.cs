using System.Collections.Immutable;
using Orleans.Faas.Callbacks;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling;

namespace Orleans.Faas.Tasks;

/// <summary>
/// The persisted state of one task after it was accepted: every write of a transition stores this, never the input,
/// which is stored once with the submission (<see cref="AcceptedTask"/>).
/// </summary>
[GenerateSerializer, Alias("faas.TaskRecord")]
public sealed class TaskRecord
{
    /// <summary>Not stored with the record: the accepted submission, set from <see cref="AcceptedTask"/>; null until the task is submitted.</summary>
    [field: NonSerialized]
    public TaskSubmission? Submission { get; set; }

    [Id(1)]
    public TaskState Status { get; set; }

    [Id(2)]
    public int Attempts { get; set; }

    [Id(3)]
    public string? Provider { get; set; }

    [Id(4)]
    public DateTimeOffset QueuedAt { get; set; }

    [Id(5)]
    public DateTimeOffset? StartedAt { get; set; }

    [Id(6)]
    public DateTimeOffset? FinishedAt { get; set; }

    [Id(7)]
    public int? ExitCode { get; set; }

    [Id(8)]
    public string? FailureReason { get; set; }

    [Id(9)]
    public string? Error { get; set; }

    [Id(10)]
    public byte[] Output { get; set; } = [];

    [Id(11)]
    public string Logs { get; set; } = "";

    /// <summary>How long the finished attempt ran on its node; null until one finishes.</summary>
    [Id(12)]
    public TimeSpan? WallTime { get; set; }

    /// <summary>What the finished attempt cost; null until one finishes.</summary>
    [Id(13)]
    public ExecutionMetrics? Metrics { get; set; }

    /// <summary>The node's running and queued tasks when the current attempt started; null until it starts.</summary>
    [Id(14)]
    public ProviderLoad? LoadAtStart { get; set; }

    /// <summary>Cold or warm, container time and CPU quota of the finished attempt; null until one finishes.</summary>
    [Id(15)]
    public RunConditions? Conditions { get; set; }

    /// <summary>Why the current attempt went to <see cref="Provider"/>; null while unplaced.</summary>
    [Id(16)]
    public PlacementDecision? Placement { get; set; }

    /// <summary>How delivering the finished task to its callback URL goes; null without one or before it finished.</summary>
    [Id(17)]
    public CallbackStatus? Callback { get; set; }

    /// <summary>Each finished run of the function, oldest first; a record stored before runs were kept reads as none.</summary>
    public ImmutableArray<TaskRun> Runs
    {
        get => _runs.IsDefault ? [] : _runs;
        set => _runs = value;
    }

    [Id(18)]
    private ImmutableArray<TaskRun> _runs;

    /// <summary>When the retry policy's next run is due; null unless the task waits for one, unplaced until then.</summary>
    [Id(19)]
    public DateTimeOffset? RetryAt { get; set; }

    /// <summary>Placements of the runs before the current one, so a lost provider's limit counts the current run's own.</summary>
    [Id(20)]
    public int PlacementsBefore { get; set; }

    /// <summary>How handing the finished task to its function's destination goes; null without one or before it finished.</summary>
    [Id(24)]
    public DestinationDelivery? Destination { get; set; }

    /// <summary>A copy to change; the values it shares with this one are immutable or replaced whole, never changed in place.</summary>
    public TaskRecord Copy() => (TaskRecord)MemberwiseClone();
}
