using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Triggers;

namespace Orleans.Faas.Gateway.Triggers;

/// <summary>
/// The JSON body of <c>POST /v1/triggers</c>: a schedule's fields at the top, an MQTT subscription as an object.
/// Unknown fields are rejected so typos do not pass silently.
/// </summary>
/// <param name="Schedule">A cron expression: five fields (minutes first) or six (seconds first).</param>
/// <param name="TimeZone">The IANA id of the zone a schedule's times are in; UTC when not given.</param>
/// <param name="CatchUp">none, one (when not given) or all: what a schedule does with times missed while the cluster was down.</param>
/// <param name="Input">A schedule's input at every firing, as text.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TriggerDefinitionRequest(
    string? Name, string? Function, string? Schedule, string? TimeZone, string? CatchUp, string? Input, MqttSubscriptionBody? Mqtt)
{
    /// <summary>The definition with its name and function in <paramref name="scope"/>'s namespace; a name that is not valid stays one.</summary>
    /// <exception cref="InvalidTriggerDefinitionException">A schedule's field is given without a schedule, or catchUp is no value of it.</exception>
    public TriggerDefinition ToDefinition(NamespaceScope scope) => new(
        Qualified(scope, Name),
        Qualified(scope, Function),
        Schedule is null ? NoScheduleFields() : new TriggerSchedule(Schedule, TimeZone ?? TriggerSchedule.Utc, ParseCatchUp(), Input),
        Mqtt?.ToSubscription());

    private TriggerSchedule? NoScheduleFields()
    {
        var given = new[] { ("timeZone", TimeZone), ("catchUp", CatchUp), ("input", Input) }.Where(field => field.Item2 is not null).ToList();
        return given.Count == 0
            ? null
            : throw new InvalidTriggerDefinitionException(given.ToImmutableDictionary(
                field => field.Item1, field => new[] { $"{field.Item1} belongs to a schedule, and there is none." }));
    }

    private CatchUp ParseCatchUp() => CatchUp switch
    {
        null => Orleans.Faas.Triggers.CatchUp.One,
        _ when Enum.TryParse<CatchUp>(CatchUp, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(CatchUp[0]) => value,
        _ => throw new InvalidTriggerDefinitionException(ImmutableDictionary<string, string[]>.Empty.Add("catchUp", ["catchUp is none, one or all."])),
    };

    private static string Qualified(NamespaceScope scope, string? name) => name is null ? "" : scope.Qualify(name) ?? "";
}

/// <summary>An MQTT trigger's subscription as the API takes it; credentials are names of the namespace's secrets.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MqttSubscriptionBody(
    string? Url, string? Topic, int? Qos, string? ResultTopic, string? ClientId, string? UsernameSecret, string? PasswordSecret)
{
    public MqttSubscription ToSubscription() => new(Url ?? "", Topic ?? "", Qos ?? 0, ResultTopic, ClientId, UsernameSecret, PasswordSecret);
}
