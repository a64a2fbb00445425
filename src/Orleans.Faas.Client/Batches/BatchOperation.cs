namespace Orleans.Faas.Client;

/// <summary>A batch: its tasks followed until every one finished, then its items in input order.</summary>
public class BatchOperation : FaasOperation
{
    internal BatchOperation(FaasClient client, Guid id)
        : base(client, id)
    {
    }

    /// <summary>For mocking.</summary>
    protected BatchOperation()
    {
    }

    /// <summary>The batch as last read; null before the first read.</summary>
    public virtual FaasBatch? Batch { get; private set; }

    /// <summary>True once every task of the batch is known to have finished, completed or failed.</summary>
    public override bool HasCompleted => Batch?.Finished == true;

    /// <summary>Reads the batch once.</summary>
    public virtual async Task<FaasBatch> UpdateStatusAsync(CancellationToken cancellationToken = default) =>
        Batch = await Client.GetBatchAsync(Id, cancellationToken);

    /// <summary>Waits until every task finished, with long polls the gateway holds open, telling <paramref name="progress"/> after each.</summary>
    public virtual async Task<FaasBatch> WaitForCompletionAsync(IProgress<FaasBatch>? progress = null, CancellationToken cancellationToken = default)
    {
        while (!HasCompleted)
        {
            Batch = await Client.WaitForBatchAsync(Id, FaasClient.MaxTaskWait, cancellationToken);
            progress?.Report(Batch);
        }
        return Batch!;
    }

    /// <summary>The items in input order, page by page; call after <see cref="WaitForCompletionAsync"/> for every output.</summary>
    public virtual IAsyncEnumerable<BatchItem> GetItemsAsync(int pageSize = FaasClient.MaxBatchPageSize, CancellationToken cancellationToken = default) =>
        Client.GetBatchItemsAsync(Id, pageSize, cancellationToken);
}
