using System.Net;
using System.Net.Http.Headers;

namespace Orleans.Faas.Client;

public partial class FaasClient
{
    /// <summary>Invokes a function and waits for its output; throws when the function failed (502, reason in the problem).</summary>
    /// <remarks>When the gateway's own wait runs out first, the task is followed with long polls until it finishes.</remarks>
    public virtual async Task<byte[]> InvokeAsync(string function, ReadOnlyMemory<byte> input, InvocationOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var response = await Invoke(function, new ReadOnlyMemoryContent(input), options, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return response.StatusCode == HttpStatusCode.Accepted
            ? await GetInvocationOperation(await Accepted(response, cancellationToken)).GetResultAsync(cancellationToken)
            : await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>Invokes a function with a streamed input and returns its output as a stream, read as it arrives; dispose it.</summary>
    public virtual async Task<Stream> InvokeAsync(string function, Stream input, InvocationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await Invoke(function, new StreamContent(input), options, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
            return await response.Content.ReadAsStreamAsync(cancellationToken);
        using (response)
        {
            var operation = GetInvocationOperation(await Accepted(response, cancellationToken));
            await operation.WaitForCompletionAsync(cancellationToken);
            return await OpenTaskResultAsync(operation.Id, cancellationToken);
        }
    }

    /// <summary>Starts an invocation and returns at once with an operation that follows its task.</summary>
    public virtual Task<InvocationOperation> StartInvocationAsync(string function, ReadOnlyMemory<byte> input, InvocationOptions? options = null, CancellationToken cancellationToken = default) =>
        Start(function, new ReadOnlyMemoryContent(input), options, cancellationToken);

    /// <summary>Starts an invocation with a streamed input and returns at once with an operation that follows its task.</summary>
    public virtual Task<InvocationOperation> StartInvocationAsync(string function, Stream input, InvocationOptions? options = null, CancellationToken cancellationToken = default) =>
        Start(function, new StreamContent(input), options, cancellationToken);

    private async Task<InvocationOperation> Start(string function, HttpContent input, InvocationOptions? options, CancellationToken cancellationToken)
    {
        using var request = InvocationRequest(function, "invocations", input, options);
        using var response = await Pipeline.Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return GetInvocationOperation(await Accepted(response, cancellationToken));
    }

    private async Task<HttpResponseMessage> Invoke(string function, HttpContent input, InvocationOptions? options, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var request = InvocationRequest(function, "invoke", input, options);
        return await Pipeline.Send(request, completion, cancellationToken);
    }

    private static HttpRequestMessage InvocationRequest(string function, string verb, HttpContent input, InvocationOptions? options)
    {
        input.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var path = RequestPath.With($"v1/functions/{Escape(function)}/{verb}", ("provider", options?.Provider), ("inputSize", options?.InputSize), ("features", FeatureParameter.Format(options?.Features)),
            ("deadlineSeconds", options?.Deadline?.TotalSeconds), ("callbackUrl", options?.CallbackUrl));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = input };
        // A stream is read once, so only an input in memory can be sent again by the retry handler.
        var inMemory = input is ReadOnlyMemoryContent;
        if ((options?.IdempotencyKey ?? (inMemory ? Guid.NewGuid().ToString() : null)) is { } key)
        {
            request.Headers.Add(IdempotencyKeyHeader, key);
            request.Options.Set(RetryPolicy.Repeatable, inMemory);
        }
        return request;
    }

    private const string IdempotencyKeyHeader = "Idempotency-Key";

    private static async Task<Guid> Accepted(HttpResponseMessage response, CancellationToken cancellationToken) =>
        (await FaasPipeline.ReadJson<InvocationAccepted>(response, cancellationToken)).TaskId;
}
