namespace Orleans.Faas.Client;

/// <summary>The gateway's 202 answer to a chain run: the run it started.</summary>
internal sealed record ChainRunAccepted(Guid RunId, ChainRunStatus Status);
