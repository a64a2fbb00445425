namespace Orleans.Faas.Client;

/// <summary>The order <see cref="FaasClient.Map"/> gives results back in.</summary>
public enum MapOrder
{
    /// <summary>In the order of the inputs; a slow item holds back the ones after it (never more than the in-flight limit).</summary>
    Input,

    /// <summary>As each finishes.</summary>
    Completion,
}
