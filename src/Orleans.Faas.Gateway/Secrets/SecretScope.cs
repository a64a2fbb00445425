using Orleans.Faas.Secrets;

namespace Orleans.Faas.Gateway.Secrets;

/// <summary>Which namespace a request's secrets belong to: the one place the gateway decides it.</summary>
public static class SecretScope
{
    /// <summary>"default" for every request until namespaces supply the caller's own.</summary>
    public static string NamespaceOf(HttpContext context) => SecretNamespaces.Default;
}
