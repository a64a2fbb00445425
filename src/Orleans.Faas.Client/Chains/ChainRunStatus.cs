namespace Orleans.Faas.Client;

/// <summary>Where a chain run is: RUNNING → COMPLETED | FAILED.</summary>
public enum ChainRunStatus
{
    Running,
    Completed,
    Failed,
}

/// <summary>Where one step of a chain run is: PENDING → RUNNING → COMPLETED | FAILED.</summary>
public enum ChainStepStatus
{
    Pending,
    Running,
    Completed,
    Failed,
}
