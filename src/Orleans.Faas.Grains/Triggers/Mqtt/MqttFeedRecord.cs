namespace Orleans.Faas.Triggers.Mqtt;

/// <summary>What an MQTT trigger's subscription keeps across silos.</summary>
[GenerateSerializer, Alias("faas.MqttFeedRecord")]
public sealed class MqttFeedRecord
{
    /// <summary>The trigger it runs; null when it runs none.</summary>
    [Id(0)]
    public TriggerDefinition? Definition { get; set; }

    /// <summary>
    /// Whether the broker holds this definition's session: until then the client connects with a clean session, so
    /// an earlier definition's subscriptions and queued messages are dropped.
    /// </summary>
    [Id(1)]
    public bool Subscribed { get; set; }

    /// <summary>Tasks whose output is still to be published, with the topic: stored before their message is acknowledged.</summary>
    [Id(2)]
    public Dictionary<Guid, string> ResultsOwed { get; set; } = [];
}
