namespace Orleans.Faas.Secrets;

/// <summary>What may be shown of a secret: its name and when it was created and last replaced, never its value.</summary>
[GenerateSerializer, Immutable, Alias("faas.SecretInfo")]
public sealed record SecretInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] DateTimeOffset UpdatedAt);
