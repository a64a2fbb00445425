using System.Net;

namespace Orleans.Faas.Client;

public partial class FaasClient
{
    /// <summary>
    /// Creates or replaces a secret (1 byte to 64 KiB); true when it was created. The value is never returned: the platform
    /// mounts it only into the containers of functions that name it in <see cref="FunctionDefinition.Secrets"/>.
    /// </summary>
    public virtual async Task<bool> SetSecretAsync(string name, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"v1/secrets/{Escape(name)}") { Content = new ReadOnlyMemoryContent(value) };
        using var response = await Pipeline.Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return response.StatusCode == HttpStatusCode.Created;
    }

    /// <summary>Every secret by name, with when it was created and last replaced.</summary>
    public virtual Task<IReadOnlyList<SecretInfo>> ListSecretsAsync(CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<IReadOnlyList<SecretInfo>>("v1/secrets", cancellationToken);

    /// <summary>Deletes a secret; 404 when there is none. Functions that name it fail their next run.</summary>
    public virtual async Task DeleteSecretAsync(string name, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"v1/secrets/{Escape(name)}");
        using var response = await Pipeline.Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }
}
