namespace Orleans.Faas.Profiles;

/// <summary>Where a profile point comes from.</summary>
[GenerateSerializer]
public enum ProfileSource
{
    /// <summary>Measured on the reference provider by a profile job.</summary>
    Profiled = 0,

    /// <summary>Learnt from the function's completed invocations on any provider, scaled to the reference by that provider's efficiency.</summary>
    Observed = 1,
}
