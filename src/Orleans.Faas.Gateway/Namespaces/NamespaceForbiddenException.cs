namespace Orleans.Faas.Gateway.Namespaces;

/// <summary>The request named a namespace its key may not act in.</summary>
public sealed class NamespaceForbiddenException(string @namespace)
    : Exception($"This key may not act in namespace '{@namespace}'.");
