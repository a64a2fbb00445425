namespace Orleans.Faas.Providers;

[GenerateSerializer, Alias("faas.ProviderRecord")]
public sealed class ProviderRecord
{
    [Id(0)]
    public ProviderRegistration? Registration { get; set; }

    [Id(1)]
    public ProviderStatus Status { get; set; }

    [Id(2)]
    public DateTimeOffset RegisteredAt { get; set; }
}
