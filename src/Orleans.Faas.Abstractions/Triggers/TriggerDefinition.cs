namespace Orleans.Faas.Triggers;

/// <summary>
/// What invokes a function without a caller: exactly one of <paramref name="Schedule"/> and <paramref name="Mqtt"/>.
/// </summary>
/// <param name="Name">The trigger's qualified name (see <see cref="Namespaces.QualifiedName"/>).</param>
/// <param name="Function">The qualified name of the function each firing invokes.</param>
[GenerateSerializer, Immutable, Alias("faas.TriggerDefinition")]
public sealed record TriggerDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string Function,
    [property: Id(2)] TriggerSchedule? Schedule = null,
    [property: Id(3)] MqttSubscription? Mqtt = null)
{
    /// <summary>The kind's name as the API spells its field.</summary>
    public string Kind => Schedule is not null ? "schedule" : "mqtt";
}
