using System.Runtime.CompilerServices;

namespace Orleans.Faas.Client;

public partial class FaasClient
{
    /// <summary>
    /// The execution history, newest first, optionally of one function and/or provider: read page by page
    /// (<paramref name="pageSize"/> records each, 1–1000) as the enumeration goes on.
    /// </summary>
    public virtual async IAsyncEnumerable<ExecutionRecord> GetExecutionsAsync(
        string? function = null, string? provider = null, int pageSize = 100, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? page = RequestPath.With("v1/executions", ("function", function), ("provider", provider), ("limit", pageSize));
        while (page is not null)
        {
            using var response = await Pipeline.Send(new HttpRequestMessage(HttpMethod.Get, page), HttpCompletionOption.ResponseContentRead, cancellationToken);
            foreach (var record in await FaasPipeline.ReadJson<IReadOnlyList<ExecutionRecord>>(response, cancellationToken))
                yield return record;
            page = NextLink.Of(response);
        }
    }
}
