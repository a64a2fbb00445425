namespace Orleans.Faas.Client;

/// <summary>A chain run, followed until it finishes.</summary>
public class ChainRunOperation : FaasOperation
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

    /// <summary>The run as last read; null before the first read.</summary>
    public virtual ChainRun? Run { get; private set; }

    public override bool HasCompleted => Run?.IsFinished == true;

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
