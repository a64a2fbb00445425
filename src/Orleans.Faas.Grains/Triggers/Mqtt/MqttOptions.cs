using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Triggers.Mqtt;

/// <summary>How MQTT triggers connect and recognise a message sent again (<c>Faas:Triggers:Mqtt</c>).</summary>
public sealed class MqttOptions
{
    public const string Section = "Faas:Triggers:Mqtt";

    /// <summary>
    /// How long a QoS 1 or 2 message's key is kept: a message the broker sends again within it makes no second task.
    /// The broker sends a message again only after a reconnect, so minutes suffice; a longer window only merges more
    /// often two messages of the same topic and payload that got the same packet identifier.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00")]
    public TimeSpan KeyWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The wait before the first attempt to connect again; each further one waits about twice as long, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan FirstReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts to connect.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one attempt to connect, or one packet's answer, may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
