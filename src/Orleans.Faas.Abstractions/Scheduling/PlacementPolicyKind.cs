namespace Orleans.Faas.Scheduling;

/// <summary>How a provider is chosen for a task among those that fit it.</summary>
[GenerateSerializer]
public enum PlacementPolicyKind
{
    /// <summary>The earliest expected finish: expected wait + predicted run time + a cold start when no container is warm.</summary>
    Predictive = 0,

    /// <summary>The fewest outstanding tasks per slot.</summary>
    LeastLoaded = 1,

    /// <summary>Each provider in turn.</summary>
    RoundRobin = 2,

    /// <summary>Any provider, uniformly.</summary>
    Random = 3,

    /// <summary>Always the provider with the best CPU efficiency, however busy.</summary>
    Fastest = 4,

    /// <summary>The provider of the silo that places the task.</summary>
    Local = 5,
}
