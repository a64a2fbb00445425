namespace Orleans.Faas.Chains;

/// <summary>Where a chain run is: RUNNING → COMPLETED | FAILED.</summary>
[GenerateSerializer]
public enum ChainRunStatus
{
    Running = 0,
    Completed = 1,
    Failed = 2,
}
