namespace Orleans.Faas.Workers;

/// <summary>What a call to a node's worker throws when the node cannot be reached: its silo is gone, leaving or not answering.</summary>
public static class WorkerUnreachable
{
    public static bool Is(Exception e) => e is ProviderSiloUnavailableException or SiloUnavailableException or TimeoutException;
}
