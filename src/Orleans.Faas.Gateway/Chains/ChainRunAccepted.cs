using Orleans.Faas.Chains;

namespace Orleans.Faas.Gateway.Chains;

/// <summary>The 202 body of a started run: its id and where to poll for it.</summary>
public sealed record ChainRunAccepted(Guid RunId, ChainRunStatus Status, string StatusUrl)
{
    public static ChainRunAccepted For(ChainRunSnapshot run) => new(run.Id, run.Status, ChainRunUrls.Status(run.Chain, run.Id));
}
