using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Orleans.Faas.Gateway.Hosting;

namespace Orleans.Faas.Gateway.Problems;

/// <summary>Reads request bodies within the configured payload limit.</summary>
public sealed class RequestBody(IOptions<GatewayOptions> options, IOptions<JsonOptions> json)
{
    private int Limit => options.Value.MaxPayloadBytes;

    public Task<byte[]> ReadBytes(HttpRequest request, CancellationToken cancellationToken) => ReadBytes(request, Limit, cancellationToken);

    /// <summary>Reads the body within <paramref name="limit"/> bytes, a tighter limit than the gateway's own.</summary>
    public async Task<byte[]> ReadBytes(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
            throw new PayloadTooLargeException(limit);

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
                throw new PayloadTooLargeException(limit);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Reads a JSON document; a body that is empty, not JSON or not of shape <typeparamref name="T"/> is malformed.</summary>
    public async Task<T> ReadJson<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var bytes = await ReadBytes(request, cancellationToken);
        return ParseJson<T>(bytes);
    }

    /// <summary>Parses a JSON document read some other way, with the same rules as <see cref="ReadJson{T}"/>.</summary>
    public T ParseJson<T>(byte[] bytes)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, json.Value.SerializerOptions)
                ?? throw new MalformedRequestException("The request body must be a JSON object, not null.");
        }
        catch (JsonException e)
        {
            throw new MalformedRequestException(bytes.Length == 0 ? "The request body is empty; a JSON object is expected." : e.Message, e);
        }
    }
}
