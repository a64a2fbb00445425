namespace Orleans.Faas.Client;

/// <summary>Where a profile point comes from.</summary>
public enum ProfileSource
{
    /// <summary>A profile job on the reference provider.</summary>
    Profiled,

    /// <summary>Invocations as they ran, scaled to the reference.</summary>
    Observed,
}
