namespace Orleans.Faas.Client;

/// <summary>Where delivering an outcome to its callback URL is: PENDING → DELIVERED | FAILED.</summary>
public enum CallbackState
{
    Pending,
    Delivered,
    Failed,
}
