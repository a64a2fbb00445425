namespace Orleans.Faas.Client;

/// <summary>Whether a provider takes new tasks.</summary>
public enum ProviderStatus
{
    Ready,

    /// <summary>Finishing what it has; no new tasks are placed on it.</summary>
    Draining,

    /// <summary>Its silo left the cluster.</summary>
    Down,
}
