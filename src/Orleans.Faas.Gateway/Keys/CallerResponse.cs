using System.Collections.Immutable;
using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Keys;

namespace Orleans.Faas.Gateway.Keys;

/// <summary>Who the gateway takes the caller for, and where the request acts.</summary>
/// <param name="KeyId">The key's id; null without a key (an open gateway), <c>admin-key</c> for Faas:Auth:AdminKey.</param>
/// <param name="Namespaces">Where the key may act; an admin may act in any.</param>
/// <param name="Namespace">Where this request acted: its Faas-Namespace header, else the key's first namespace.</param>
public sealed record CallerResponse(string? KeyId, ApiKeyRole Role, ImmutableArray<string> Namespaces, string Namespace)
{
    public static CallerResponse From(Caller caller, NamespaceScope scope) => new(caller.KeyId, caller.Role, caller.Namespaces, scope.Namespace);
}
