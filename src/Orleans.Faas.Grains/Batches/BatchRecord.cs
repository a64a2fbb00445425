using Orleans.Faas.Callbacks;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Batches;

/// <summary>
/// The persisted state of a batch: its tasks in input order and what it last heard of each; the inputs stay with the
/// tasks, or, for items waiting for room in a queue, in the <see cref="BatchBacklog"/>.
/// </summary>
[GenerateSerializer, Alias("faas.BatchRecord")]
public sealed class BatchRecord
{
    [Id(0)]
    public string Function { get; set; } = "";

    [Id(1)]
    public int FunctionVersion { get; set; }

    /// <summary>One task per input, in input order; empty until the batch is started.</summary>
    [Id(2)]
    public List<Guid> Tasks { get; set; } = [];

    /// <summary>The last status heard of each task, by index (a <see cref="TaskState"/> each).</summary>
    [Id(3)]
    public byte[] Statuses { get; set; } = [];

    [Id(4)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(5)]
    public DateTimeOffset? FinishedAt { get; set; }

    [Id(6)]
    public string? CallbackUrl { get; set; }

    [Id(7)]
    public CallbackStatus? Callback { get; set; }

    /// <summary>Why an item has no task: its submission failed. By index.</summary>
    [Id(8)]
    public Dictionary<int, string> NotSubmitted { get; set; } = [];

    public bool IsStarted => Tasks.Count > 0;

    public TaskState StatusOf(int index) => (TaskState)Statuses[index];
}
