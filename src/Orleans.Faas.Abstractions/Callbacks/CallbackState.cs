namespace Orleans.Faas.Callbacks;

/// <summary>Where delivering a finished task's or batch's outcome to its callback URL is: PENDING → DELIVERED | FAILED.</summary>
[GenerateSerializer]
public enum CallbackState
{
    Pending = 0,
    Delivered = 1,
    Failed = 2,
}
