namespace Orleans.Faas.Providers;

[GenerateSerializer]
public enum ProviderStatus
{
    Ready = 0,
    Draining = 1,
    Down = 2,
}
