namespace Orleans.Faas.Registry;

/// <summary>The keys of the registry grains, one per kind of name.</summary>
public static class Registries
{
    public const string Functions = "functions";
    public const string Providers = "providers";
    public const string Chains = "chains";
    public const string Keys = "keys";
    public const string Triggers = "triggers";
}
