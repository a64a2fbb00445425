namespace Orleans.Faas.Triggers;

/// <summary>A trigger that fires at the times of a cron expression, each time once, with the same input.</summary>
/// <param name="Cron">Five fields (minutes first) or six (seconds first), as Cronos reads them.</param>
/// <param name="TimeZone">The IANA id of the zone the expression's times are in.</param>
/// <param name="CatchUp">What becomes of times missed while no silo could fire them.</param>
/// <param name="Input">The function's input at every firing, as UTF-8 text; null for an empty input.</param>
[GenerateSerializer, Immutable, Alias("faas.TriggerSchedule")]
public sealed record TriggerSchedule(
    [property: Id(0)] string Cron,
    [property: Id(1)] string TimeZone = TriggerSchedule.Utc,
    [property: Id(2)] CatchUp CatchUp = CatchUp.One,
    [property: Id(3)] string? Input = null)
{
    public const string Utc = "UTC";
}

/// <summary>
/// What a schedule does with times missed while the whole cluster was down: times later than a silo's death and
/// handover can make them (<c>Faas:Triggers:HandoverWindow</c>) are missed; later ones are always fired, late.
/// </summary>
public enum CatchUp
{
    /// <summary>Skip every missed time.</summary>
    None,

    /// <summary>Fire the latest missed time once, skip the others.</summary>
    One,

    /// <summary>Fire every missed time, each once.</summary>
    All,
}
