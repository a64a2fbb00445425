using Orleans.Faas.Chains;

namespace Orleans.Faas.Gateway.Chains;

/// <summary>The 202 body of a started run: its id and where to poll for it.</summary>
public sealed record ChainRunAccepted(Guid RunId, ChainRunStatus Status, string StatusUrl)
{
    /// <param name="chain">The chain's name within its namespace, as the caller's URLs name it.</param>
    public static ChainRunAccepted For(string chain, ChainRunSnapshot run) => new(run.Id, run.Status, ChainRunUrls.Status(chain, run.Id));
}
