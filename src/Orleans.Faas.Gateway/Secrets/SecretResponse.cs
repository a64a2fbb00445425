using Orleans.Faas.Secrets;

namespace Orleans.Faas.Gateway.Secrets;

/// <summary>A secret as the API shows it: never its value.</summary>
public sealed record SecretResponse(string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static SecretResponse From(SecretInfo info) => new(info.Name, info.CreatedAt, info.UpdatedAt);
}
