namespace Orleans.Faas.Client;

/// <summary>What the platform shows of a secret: its name and times, never its value.</summary>
public sealed record SecretInfo(string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
