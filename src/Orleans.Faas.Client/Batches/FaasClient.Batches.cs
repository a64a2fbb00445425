using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Orleans.Faas.Client;

public partial class FaasClient
{
    /// <summary>The most items the gateway gives in one page of a batch.</summary>
    public const int MaxBatchPageSize = 1000;

    /// <summary>
    /// Invokes a function once per input in one request: a batch of tasks, each placed on its own. The inputs go as
    /// NDJSON (text as JSON strings, other bytes as base64). <see cref="InvocationOptions.CallbackUrl"/> is called
    /// back once the whole batch finished. <see cref="InvocationOptions.IdempotencyKey"/> (one per call when null) makes a
    /// repeated start answer with the batch the first one started.
    /// </summary>
    public virtual async Task<BatchOperation> StartBatchAsync(string function, IEnumerable<ReadOnlyMemory<byte>> inputs, InvocationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var content = new ByteArrayContent(Ndjson(inputs));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var path = RequestPath.With($"v1/functions/{Escape(function)}/batches",
            ("provider", options?.Provider), ("inputSize", options?.InputSize), ("features", FeatureParameter.Format(options?.Features)),
            ("deadlineSeconds", options?.Deadline?.TotalSeconds), ("callbackUrl", options?.CallbackUrl));
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        // With a key, the retry handler may send the batch again: the gateway answers with the batch the first one started.
        request.Headers.Add(IdempotencyKeyHeader, options?.IdempotencyKey ?? Guid.NewGuid().ToString());
        request.Options.Set(RetryPolicy.Repeatable, true);
        using var response = await Pipeline.Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return GetBatchOperation((await FaasPipeline.ReadJson<BatchAccepted>(response, cancellationToken)).BatchId);
    }

    /// <summary>As the other overload, with text inputs (their UTF-8 bytes).</summary>
    public virtual Task<BatchOperation> StartBatchAsync(string function, IEnumerable<string> inputs, InvocationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return StartBatchAsync(function, inputs.Select(i => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(i)), options, cancellationToken);
    }

    /// <summary>A batch's counts by status; 404 when there is no such batch.</summary>
    public virtual Task<FaasBatch> GetBatchAsync(Guid batchId, CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<FaasBatch>($"v1/batches/{batchId}", cancellationToken);

    /// <summary>The batch once it finished, or as it is after <paramref name="wait"/> (at most <see cref="MaxTaskWait"/>): one request the gateway holds open.</summary>
    public virtual Task<FaasBatch> WaitForBatchAsync(Guid batchId, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        // Items are asked for only by GetBatchItemsAsync; a finished batch's first page would come with this read otherwise.
        return LongPoll<FaasBatch>($"v1/batches/{batchId}", wait, cancellationToken);
    }

    /// <summary>
    /// A batch's items in input order, read page by page (<paramref name="pageSize"/> each, 1–1000) as the enumeration
    /// goes on; an unfinished task's item has its status and no output yet.
    /// </summary>
    public virtual async IAsyncEnumerable<BatchItem> GetBatchItemsAsync(Guid batchId, int pageSize = MaxBatchPageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxBatchPageSize);
        string? page = RequestPath.With($"v1/batches/{batchId}", ("offset", 0), ("limit", pageSize));
        while (page is not null)
        {
            using var response = await Pipeline.Send(new HttpRequestMessage(HttpMethod.Get, page), HttpCompletionOption.ResponseContentRead, cancellationToken);
            foreach (var item in (await FaasPipeline.ReadJson<BatchPage>(response, cancellationToken)).Items ?? [])
                yield return item;
            page = NextLink.Of(response);
        }
    }

    /// <summary>An operation following a batch started earlier, e.g. by another process that handed over its id.</summary>
    public virtual BatchOperation GetBatchOperation(Guid batchId) => new(this, batchId);

    private static byte[] Ndjson(IEnumerable<ReadOnlyMemory<byte>> inputs)
    {
        using var body = new MemoryStream();
        foreach (var input in inputs)
        {
            using (var line = new Utf8JsonWriter(body))
            {
                if (Utf8.IsValid(input.Span))
                {
                    line.WriteStringValue(input.Span);
                }
                else
                {
                    line.WriteStartObject();
                    line.WriteBase64String("base64", input.Span);
                    line.WriteEndObject();
                }
            }
            body.WriteByte((byte)'\n');
        }
        return body.ToArray();
    }
}
