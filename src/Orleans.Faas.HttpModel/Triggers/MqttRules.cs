namespace Orleans.Faas.HttpModel.Triggers;

/// <summary>What MQTT (3.1.1 and 5, section 4.7) allows in broker URLs, topic filters and topic names.</summary>
public static class MqttRules
{
    /// <summary>MQTT's limit on a topic's length, in bytes of UTF-8.</summary>
    public const int MaxTopicBytes = 65535;

    /// <summary>What is wrong with a broker URL; null when it is <c>mqtt://host[:port]</c> or <c>mqtts://host[:port]</c>.</summary>
    public static string? UrlProblem(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "mqtt" or "mqtts" && uri.Host.Length > 0
            && uri.AbsolutePath is "" or "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? null
            : $"'{url}' is no broker URL: mqtt://host[:port], or mqtts://host[:port] for TLS; credentials come from secrets, never the URL.";

    /// <summary>
    /// What is wrong with a topic filter; null when it is one: <c>+</c> stands for a whole level, <c>#</c> for the whole
    /// last level (and every level below it).
    /// </summary>
    public static string? FilterProblem(string? filter)
    {
        if (CommonProblem(filter) is { } problem)
            return problem;
        var levels = filter!.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (level.Contains('#') && (level != "#" || i != levels.Length - 1))
                return $"'{filter}': '#' must be a whole level, and the last one (e.g. lab/#).";
            if (level.Contains('+') && level != "+")
                return $"'{filter}': '+' must be a whole level (e.g. lab/+/temp).";
        }
        return null;
    }

    /// <summary>What is wrong with a topic to publish to; null when it is one (no wildcards).</summary>
    public static string? TopicProblem(string? topic) =>
        CommonProblem(topic) ?? (topic!.IndexOfAny(['+', '#']) >= 0 ? $"'{topic}': a topic to publish to has no wildcards ('+', '#')." : null);

    private static string? CommonProblem(string? topic)
    {
        if (string.IsNullOrEmpty(topic))
            return "A topic is at least one character.";
        if (topic.Contains('\0'))
            return "A topic has no NUL character.";
        return System.Text.Encoding.UTF8.GetByteCount(topic) > MaxTopicBytes ? $"A topic is at most {MaxTopicBytes} bytes of UTF-8." : null;
    }
}
