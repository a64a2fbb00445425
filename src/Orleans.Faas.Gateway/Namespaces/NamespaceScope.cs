using System.Reflection;
using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.HttpModel.Functions;
using Orleans.Faas.Namespaces;

namespace Orleans.Faas.Gateway.Namespaces;

/// <summary>
/// The namespace a request acts in, and what its caller may see: bound from the request like any parameter. The
/// <c>Faas-Namespace</c> header picks the namespace, else the key's first; a key may act only in its own (an admin in any).
/// </summary>
public sealed class NamespaceScope(Caller caller, string @namespace)
{
    public const string Header = "Faas-Namespace";

    public string Namespace { get; } = @namespace;

    /// <summary>The qualified name of the function or chain <paramref name="name"/> in this namespace; null when it is no valid name.</summary>
    public string? Qualify(string name) => FunctionDefinitionValidator.IsValidName(name) ? QualifiedName.Of(Namespace, name) : null;

    /// <summary>Whether the function or chain <paramref name="qualifiedName"/> is of this namespace.</summary>
    public bool Holds(string qualifiedName) => QualifiedName.NamespaceOf(qualifiedName) == Namespace;

    /// <summary>Whether the caller may see what belongs to the function or chain <paramref name="qualifiedName"/>: its tasks, batches, runs.</summary>
    public bool MaySee(string qualifiedName) => caller.MayActIn(QualifiedName.NamespaceOf(qualifiedName));

    public static ValueTask<NamespaceScope?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var caller = Caller.From(context.User) ?? throw new InvalidOperationException("A namespace is bound only for an authenticated request.");
        var named = context.Request.Headers[Header];
        var @namespace = named.Count switch
        {
            0 => caller.Namespaces.FirstOrDefault(QualifiedName.DefaultNamespace),
            1 when FunctionDefinitionValidator.IsValidName(named[0]) => named[0]!,
            _ => throw new InvalidHeaderException(Header, $"{Header} must be one namespace name. {FunctionDefinitionValidator.NameRule}"),
        };
        return caller.MayActIn(@namespace)
            ? ValueTask.FromResult<NamespaceScope?>(new NamespaceScope(caller, @namespace))
            : throw new NamespaceForbiddenException(@namespace);
    }
}
