using Orleans.Faas.Functions;

namespace Orleans.Faas.Gateway.Compat.Mpcs;

/// <summary>
/// An MPCS function id is a UUID; the platform function it names is <c>mpcs-{uuid}</c>, so the id is all that is needed
/// to find it and no index is kept.
/// </summary>
public static class MpcsFunctionId
{
    private const string Prefix = "mpcs-";

    public static string FunctionName(Guid id) => Prefix + id.ToString("D");

    /// <summary>The function an id names; an id that is no UUID names none.</summary>
    public static string FunctionName(string? id) =>
        Guid.TryParse(id, out var guid) ? FunctionName(guid) : throw new FunctionNotFoundException(id ?? "");

    /// <summary>Whether the function (its name within its namespace) is one MPCS registered: only its tasks are MPCS tasks.</summary>
    public static bool IsMpcsFunction(string localName) =>
        localName.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParseExact(localName[Prefix.Length..], "D", out _);
}
