namespace Orleans.Faas.Gateway.Namespaces;

/// <summary>The namespace already has as many unfinished tasks as its limit allows.</summary>
public sealed class NamespaceLimitReachedException(string @namespace, int limit)
    : Exception($"Namespace '{@namespace}' may have {limit} unfinished tasks at once, and this would go over; nothing was created.")
{
    /// <summary>How often a full namespace counts its work again, so the soonest a place can be seen to free up.</summary>
    public const double RetryAfterSeconds = 1;
}
