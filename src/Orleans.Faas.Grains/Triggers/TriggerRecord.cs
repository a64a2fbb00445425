namespace Orleans.Faas.Triggers;

/// <summary>A stored trigger: its definition and its progress, which survives its silo.</summary>
[GenerateSerializer, Alias("faas.TriggerRecord")]
public sealed class TriggerRecord
{
    /// <summary>Null when there is no such trigger (never made, or deleted).</summary>
    [Id(0)]
    public TriggerDefinition? Definition { get; set; }

    [Id(1)]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the definition was last stored; a schedule fires no time before it.</summary>
    [Id(2)]
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The latest time a schedule dealt with (fired, failed or skipped): the next firing is after it.</summary>
    [Id(3)]
    public DateTimeOffset? LastDueAt { get; set; }

    [Id(4)]
    public long Fired { get; set; }

    [Id(5)]
    public long Failed { get; set; }

    [Id(6)]
    public long Skipped { get; set; }

    [Id(7)]
    public TriggerError? LastError { get; set; }

    /// <summary>The latest firings, oldest first.</summary>
    [Id(8)]
    public List<TriggerFiring> Recent { get; set; } = [];
}
