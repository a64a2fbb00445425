namespace Orleans.Faas.Cli.Configuration;

/// <summary>Which gateway to talk to: <c>--gateway</c>, else <c>FAAS_GATEWAY</c>, else the config file, else the local default.</summary>
internal static class GatewayAddress
{
    public const string Variable = "FAAS_GATEWAY";

    private const string Default = "http://127.0.0.1:8080";

    public static Uri Resolve(string? option)
    {
        var (value, source) = option is not null ? (option, "--gateway")
            : Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } variable ? (variable, Variable)
            : ConfigFile.Load().Gateway is { } configured ? (configured, ConfigFile.Location)
            : (Default, "the default");
        if (!Uri.TryCreate(value, UriKind.Absolute, out var gateway) || gateway.Scheme is not ("http" or "https"))
            throw CliException.Usage($"the gateway '{value}' from {source} is not an http:// or https:// address");
        return gateway;
    }
}
