using System.Text.Json.Serialization;

namespace Orleans.Faas.Gateway.Compat.Fsched;

public sealed record WorkerAddBody([property: JsonPropertyName("host")] string? Host);

/// <summary>The worker the host's silo is; the platform never adds one on a caller's word.</summary>
public sealed record WorkerAddAnswer(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("host")] string Host)
{
    public static string HowToJoin(string host) =>
        $"No active silo runs on '{host}'. A node joins by itself: start a silo there in cluster mode against this cluster's Redis "
        + "and PostgreSQL (Faas__Mode=Cluster, Faas__Redis=..., the same Faas:Cluster:ClusterId and ServiceId; see the README's \"Run a cluster\"), "
        + "and it is a worker once membership lists it.";
}
