using System.Collections.Immutable;
using System.Text;
using Orleans.Faas.HttpModel.Functions;
using Orleans.Faas.HttpModel.Secrets;
using Orleans.Faas.Triggers;

namespace Orleans.Faas.HttpModel.Triggers;

/// <summary>
/// The rules a trigger definition must meet before it is stored; shared by the gateway and the grain. Field names are
/// the API's. Whether its function and secrets exist is the gateway's to check, as it needs the cluster.
/// </summary>
public static class TriggerDefinitionValidator
{
    /// <summary>A schedule's input is stored with the trigger and sent at every firing: a small document, not a payload.</summary>
    public const int MaxInputBytes = 64 * 1024;

    /// <summary>Field name → problems; empty when the definition is valid.</summary>
    public static ImmutableDictionary<string, string[]> Validate(TriggerDefinition definition)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string? problem)
        {
            if (problem is not null)
                errors[field] = [problem];
        }

        Add("name", FunctionDefinitionValidator.IsValidQualifiedName(definition.Name) ? null : FunctionDefinitionValidator.NameRule);
        Add("function", FunctionDefinitionValidator.IsValidQualifiedName(definition.Function) ? null : "A trigger names a function: " + FunctionDefinitionValidator.NameRule);
        switch (definition)
        {
            case { Schedule: null, Mqtt: null } or { Schedule: not null, Mqtt: not null }:
                Add("schedule", "A trigger has exactly one of schedule (a cron expression) and mqtt (a subscription).");
                break;
            case { Schedule: { } schedule }:
                Add("schedule", CronSchedule.CronProblem(schedule.Cron));
                Add("timeZone", CronSchedule.TimeZoneProblem(schedule.TimeZone));
                Add("catchUp", Enum.IsDefined(schedule.CatchUp) ? null : "catchUp is none, one or all.");
                Add("input", Encoding.UTF8.GetByteCount(schedule.Input ?? "") > MaxInputBytes ? $"A schedule's input is at most {MaxInputBytes} bytes of UTF-8." : null);
                break;
            case { Mqtt: { } mqtt }:
                Add("mqtt.url", MqttRules.UrlProblem(mqtt.Url));
                Add("mqtt.topic", MqttRules.FilterProblem(mqtt.Topic));
                Add("mqtt.qos", mqtt.Qos is >= 0 and <= 2 ? null : "qos is 0 (at most once), 1 (at least once) or 2 (exactly once).");
                Add("mqtt.resultTopic", mqtt.ResultTopic is null ? null : MqttRules.TopicProblem(mqtt.ResultTopic));
                Add("mqtt.clientId", mqtt.ClientId is null or { Length: > 0 and <= MaxClientIdLength } ? null : $"A client id is 1 to {MaxClientIdLength} characters.");
                Add("mqtt.usernameSecret", mqtt.UsernameSecret is null || SecretRules.IsValidName(mqtt.UsernameSecret) ? null : SecretRules.NameRule);
                Add("mqtt.passwordSecret", mqtt.PasswordSecret is null || SecretRules.IsValidName(mqtt.PasswordSecret) ? null : SecretRules.NameRule);
                break;
        }
        return errors.ToImmutableDictionary();
    }

    /// <summary>The secrets an MQTT trigger names, for the gateway to check that they exist.</summary>
    public static ImmutableArray<string> Secrets(TriggerDefinition definition) =>
        [.. new[] { definition.Mqtt?.UsernameSecret, definition.Mqtt?.PasswordSecret }.OfType<string>().Distinct()];

    /// <summary>MQTT 5 allows client ids up to 65535 bytes; brokers commonly refuse more than a few hundred.</summary>
    private const int MaxClientIdLength = 256;
}
