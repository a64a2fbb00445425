namespace Orleans.Faas.Chains;

/// <summary>Where one step of a run is: PENDING → RUNNING → COMPLETED | FAILED.</summary>
[GenerateSerializer]
public enum ChainStepStatus
{
    Pending = 0,
    Running = 1,
    Completed = 2,
    Failed = 3,
}
