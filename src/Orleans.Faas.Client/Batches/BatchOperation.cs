namespace Orleans.Faas.Client;

/// <summary>A batch: its tasks followed until every one finished, then its items in input order.</summary>
public class BatchOperation : FaasOperation<FaasBatch>
{
    internal BatchOperation(FaasClient client, Guid id)
        : base(client, id)
    {
    }

    /// <summary>For mocking.</summary>
    protected BatchOperation()
    {
    }

    /// <summary>The items in input order, page by page; after <see cref="FaasOperation{T}.WaitForCompletionAsync(CancellationToken)"/> every one has its output or failure.</summary>
    public virtual IAsyncEnumerable<BatchItem> GetItemsAsync(int pageSize = FaasClient.MaxBatchPageSize, CancellationToken cancellationToken = default) =>
        Client.GetBatchItemsAsync(Id, pageSize, cancellationToken);

    /// <summary>Finished: every task of the batch completed or failed.</summary>
    private protected override bool HasEnded(FaasBatch latest) => latest.Finished;

    private protected override Task<FaasBatch> ReadAsync(CancellationToken cancellationToken) =>
        Client.GetBatchAsync(Id, cancellationToken);

    /// <summary>A long poll the gateway holds open until every task finished.</summary>
    private protected override Task<FaasBatch> ReadWhileWaitingAsync(CancellationToken cancellationToken) =>
        Client.WaitForBatchAsync(Id, FaasClient.MaxTaskWait, cancellationToken);
}
