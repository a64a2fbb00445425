namespace Orleans.Faas.Secrets;

public static class SecretNamespaces
{
    /// <summary>The namespace every secret belongs to until namespaces exist.</summary>
    public const string Default = "default";
}
