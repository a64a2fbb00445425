namespace Orleans.Faas.Batches;

/// <summary>RUNNING while any of a batch's tasks has not finished; FINISHED once every one completed or failed.</summary>
public enum BatchStatus
{
    Running,
    Finished,
}
