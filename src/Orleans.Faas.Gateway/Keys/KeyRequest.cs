using System.Collections.Immutable;
using Orleans.Faas.HttpModel.Functions;
using Orleans.Faas.Keys;
using Orleans.Faas.Namespaces;

namespace Orleans.Faas.Gateway.Keys;

/// <summary>The body of <c>POST /v1/keys</c>.</summary>
/// <param name="Name">What the key is for, in the admin's words (e.g. <c>ci-runner</c>).</param>
/// <param name="Namespaces">Where the key may act, its default first; none means <c>default</c> alone.</param>
/// <param name="RateLimit">Its own request rate, in place of Faas:Auth:RateLimit.</param>
public sealed record KeyRequest(string? Name, ApiKeyRole? Role, IReadOnlyList<string>? Namespaces, KeyRateLimitBody? RateLimit)
{
    public const int MaxNamespaces = 64;
    private const int MaxRate = 1_000_000;

    /// <summary>The grant the request asks for; throws <see cref="InvalidKeyRequestException"/>.</summary>
    public ApiKeyGrant ToGrant(string id, DateTimeOffset createdAt)
    {
        var errors = new Dictionary<string, string[]>();
        if (!FunctionDefinitionValidator.IsValidName(Name))
            errors["name"] = [FunctionDefinitionValidator.NameRule];
        if (Role is not { } role || !Enum.IsDefined(role))
            errors["role"] = ["Role must be 'admin', 'developer' or 'invoker'."];
        var namespaces = Namespaces is { Count: > 0 } named ? named.Distinct().ToImmutableArray() : [QualifiedName.DefaultNamespace];
        if (namespaces.Length > MaxNamespaces)
            errors["namespaces"] = [$"A key has at most {MaxNamespaces} namespaces."];
        foreach (var bad in namespaces.Where(ns => !FunctionDefinitionValidator.IsValidName(ns)))
            errors[$"namespaces"] = [$"Namespace '{bad}': {FunctionDefinitionValidator.NameRule}"];
        if (RateLimit is { } rate && (rate.PermitsPerSecond is < 1 or > MaxRate || rate.Burst is < 0 or > MaxRate))
            errors["rateLimit"] = [$"permitsPerSecond must be 1 to {MaxRate}, and burst 0 (the same as permitsPerSecond) to {MaxRate}."];
        if (errors.Count > 0)
            throw new InvalidKeyRequestException(errors.ToImmutableDictionary());

        return new ApiKeyGrant(id, Name!, Role!.Value, namespaces, createdAt, RateLimit is { } r ? new KeyRateLimit(r.PermitsPerSecond, r.Burst) : null);
    }
}

/// <summary>A key's own request rate: a bucket of <paramref name="Burst"/> requests refilled at <paramref name="PermitsPerSecond"/>.</summary>
public sealed record KeyRateLimitBody(int PermitsPerSecond, int Burst = 0);
