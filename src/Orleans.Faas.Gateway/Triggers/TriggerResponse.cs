using System.Text.Json.Serialization;
using Orleans.Faas.Namespaces;
using Orleans.Faas.Triggers;

namespace Orleans.Faas.Gateway.Triggers;

/// <summary>A trigger as the API shows it: its definition as it was given, with its status.</summary>
/// <param name="Name">Its name within its namespace; its function is of the same namespace.</param>
public sealed record TriggerResponse(
    string Name,
    string Namespace,
    string Function,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Schedule,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TimeZone,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CatchUp? CatchUp,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Input,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MqttSubscription? Mqtt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    TriggerStatus Status)
{
    public static TriggerResponse From(TriggerView view)
    {
        var (definition, schedule) = (view.Definition, view.Definition.Schedule);
        return new TriggerResponse(
            QualifiedName.LocalName(definition.Name), QualifiedName.NamespaceOf(definition.Name), QualifiedName.LocalName(definition.Function),
            schedule?.Cron, schedule?.TimeZone, schedule?.CatchUp, schedule?.Input, definition.Mqtt, view.CreatedAt, view.UpdatedAt, view.Status);
    }
}
