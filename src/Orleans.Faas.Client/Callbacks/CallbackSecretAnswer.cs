using System.Text.Json;

namespace Orleans.Faas.Client;

/// <summary>The callback secret in the gateway's answer to a registration, a chain definition or a secret read.</summary>
internal sealed record CallbackSecretAnswer(string? CallbackSecret)
{
    /// <summary>One answer, two readings: what was registered, and the secret beside its members.</summary>
    public static async Task<(T Value, string? Secret)> Read<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var value = JsonSerializer.Deserialize<T>(answer, FaasJson.Options)
            ?? throw new FaasRequestException((int)response.StatusCode, $"The gateway answered {response.RequestMessage?.RequestUri} with an empty body.");
        return (value, JsonSerializer.Deserialize<CallbackSecretAnswer>(answer, FaasJson.Options)?.CallbackSecret);
    }
}
