namespace Orleans.Faas.Client;

/// <summary>A chain run, followed until it finishes.</summary>
public class ChainRunOperation : FaasOperation<ChainRun>
{
    internal ChainRunOperation(FaasClient client, string chain, Guid id)
        : base(client, id)
    {
        Chain = chain;
    }

    /// <summary>For mocking.</summary>
    protected ChainRunOperation()
    {
    }

    /// <summary>The chain it runs.</summary>
    public virtual string Chain { get; } = "";

    private protected override bool HasEnded(ChainRun latest) => latest.IsFinished;

    private protected override Task<ChainRun> ReadAsync(CancellationToken cancellationToken) =>
        Client.GetChainRunAsync(Chain, Id, cancellationToken);

    /// <summary>A long poll the gateway holds open until the run finishes, completed or failed.</summary>
    private protected override Task<ChainRun> ReadWhileWaitingAsync(CancellationToken cancellationToken) =>
        Client.WaitForChainRunAsync(Chain, Id, FaasClient.MaxTaskWait, cancellationToken);
}
