namespace Orleans.Faas.Client;

/// <summary>A trigger as the platform keeps it, with its status.</summary>
public sealed record Trigger : TriggerDefinition
{
    public string Namespace { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its definition was last replaced; a replaced schedule fires from then on.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    public TriggerStatus Status { get; init; } = new(null, null, null, 0, 0, 0, null, []);
}

/// <summary>How a trigger has been doing.</summary>
/// <param name="Host">The silo it is active on.</param>
/// <param name="LastFiring">Its latest firing that made a task.</param>
/// <param name="NextFiringAt">When a schedule fires next.</param>
/// <param name="Fired">Firings that made a task.</param>
/// <param name="Failed">Firings that could not (e.g. the function was deleted); <paramref name="LastError"/> says why.</param>
/// <param name="Skipped">Scheduled times missed while the cluster was down and left out by the catch-up.</param>
/// <param name="Recent">Its latest firings, oldest first.</param>
/// <param name="Connection">An MQTT trigger's connection to its broker; null for a schedule.</param>
public sealed record TriggerStatus(
    string? Host, TriggerFiring? LastFiring, DateTimeOffset? NextFiringAt, long Fired, long Failed, long Skipped, TriggerError? LastError,
    IReadOnlyList<TriggerFiring> Recent, TriggerConnection? Connection = null);

/// <summary>An MQTT trigger's connection as its silo sees it.</summary>
/// <param name="Connected">Connected to the broker and subscribed.</param>
/// <param name="Since">When it last connected or lost its connection.</param>
/// <param name="LastError">Why it last lost or could not make its connection, or could not make a task or publish a result.</param>
/// <param name="ResultsOwed">Tasks whose output it has still to publish on the result topic.</param>
public sealed record TriggerConnection(bool Connected, DateTimeOffset? Since, TriggerError? LastError, int ResultsOwed);

/// <summary>One firing: the task made for the time it was due.</summary>
public sealed record TriggerFiring(DateTimeOffset DueAt, DateTimeOffset FiredAt, Guid TaskId);

public sealed record TriggerError(DateTimeOffset At, string Message);

/// <param name="Created">False when it replaced a trigger of the same name, or was the same as it.</param>
public sealed record TriggerRegistration(Trigger Trigger, bool Created);
