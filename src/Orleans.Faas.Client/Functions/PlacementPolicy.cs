namespace Orleans.Faas.Client;

/// <summary>How the scheduler picks a provider for a task.</summary>
public enum PlacementPolicy
{
    /// <summary>Where it is predicted to finish first: expected wait, predicted run time and cold start.</summary>
    Predictive,
    LeastLoaded,
    RoundRobin,
    Random,

    /// <summary>The provider with the best efficiency scores, however busy.</summary>
    Fastest,

    /// <summary>The provider of the silo that received the invocation.</summary>
    Local,
}
