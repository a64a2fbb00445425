namespace Orleans.Faas.Gateway.Compat;

/// <summary>
/// Which earlier systems' HTTP APIs the gateway serves under <c>/compat/&lt;system&gt;</c> (<c>Faas:Compat</c>), each on by
/// default: <c>Faas:Compat:Mpcs:Enabled=false</c> turns one off, and its routes then answer 404.
/// </summary>
public sealed class CompatOptions
{
    public const string Section = "Faas:Compat";

    public CompatSystem Mpcs { get; set; } = new();

    public CompatSystem ChainFaas { get; set; } = new();

    public CompatSystem Pepper { get; set; } = new();

    public CompatSystem BenchmarkController { get; set; } = new();

    public CompatSystem Fsched { get; set; } = new();
}

/// <summary>One earlier system's API.</summary>
public sealed class CompatSystem
{
    public bool Enabled { get; set; } = true;
}
