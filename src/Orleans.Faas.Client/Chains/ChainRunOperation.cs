namespace Orleans.Faas.Client;

/// <summary>A chain run, followed until it finishes.</summary>
public class ChainRunOperation
{
    private readonly FaasClient? _client;

    internal ChainRunOperation(FaasClient client, string chain, Guid id)
    {
        _client = client;
        Chain = chain;
        Id = id;
    }

    /// <summary>For mocking.</summary>
    protected ChainRunOperation()
    {
    }

    /// <summary>The run's id.</summary>
    public virtual Guid Id { get; }

    /// <summary>The chain it runs.</summary>
    public virtual string Chain { get; } = "";

    /// <summary>The run as last read; null before the first read.</summary>
    public virtual ChainRun? Run { get; private set; }

    /// <summary>True once the run is known to have finished, completed or failed.</summary>
    public virtual bool HasCompleted => Run?.IsFinished == true;

    private FaasClient Client => _client ?? throw new InvalidOperationException("This operation was made for mocking; it sends nothing.");

    /// <summary>Reads the run once.</summary>
    public virtual async Task<ChainRun> UpdateStatusAsync(CancellationToken cancellationToken = default) =>
        Run = await Client.GetChainRunAsync(Chain, Id, cancellationToken);

    /// <summary>Waits until the run finishes, completed or failed, with long polls the gateway holds open.</summary>
    public virtual async Task<ChainRun> WaitForCompletionAsync(CancellationToken cancellationToken = default)
    {
        while (!HasCompleted)
            Run = await Client.WaitForChainRunAsync(Chain, Id, FaasClient.MaxTaskWait, cancellationToken);
        return Run!;
    }
}
