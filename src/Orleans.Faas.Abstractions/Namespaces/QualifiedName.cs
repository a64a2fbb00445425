namespace Orleans.Faas.Namespaces;

/// <summary>
/// A function's or chain's identity across namespaces: its name alone in <see cref="DefaultNamespace"/> (so data stored
/// before namespaces keeps working), <c>namespace/name</c> in any other. Names themselves never contain '/'.
/// </summary>
public static class QualifiedName
{
    public const string DefaultNamespace = "default";

    private const char Separator = '/';

    public static string Of(string @namespace, string name) =>
        @namespace == DefaultNamespace ? name : $"{@namespace}{Separator}{name}";

    /// <summary>The namespace a qualified name belongs to.</summary>
    public static string NamespaceOf(string qualified) =>
        qualified.IndexOf(Separator) is var at and >= 0 ? qualified[..at] : DefaultNamespace;

    /// <summary>The name within its namespace.</summary>
    public static string LocalName(string qualified) =>
        qualified.IndexOf(Separator) is var at and >= 0 ? qualified[(at + 1)..] : qualified;

    /// <summary>Splits a qualified name; null when it has more than one separator.</summary>
    public static (string Namespace, string Name)? Split(string qualified)
    {
        var at = qualified.IndexOf(Separator);
        if (at < 0)
            return (DefaultNamespace, qualified);
        return qualified.IndexOf(Separator, at + 1) < 0 ? (qualified[..at], qualified[(at + 1)..]) : null;
    }
}
