using Orleans.Faas.Cli.Configuration;

namespace Orleans.Faas.Cli;

/// <summary>The options every verb takes.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Gateway = new("--gateway")
    {
        Description = $"The gateway's address [default: ${GatewayAddress.Variable}, else gateway: in {ConfigFile.Location}, else http://127.0.0.1:8080]",
        HelpName = "url",
        Recursive = true,
    };

    public static readonly Option<string?> Namespace = new("--namespace")
    {
        Description = $"The namespace to act in [default: ${FaasClientOptions.NamespaceVariable}, else the key's first namespace]",
        HelpName = "name",
        Recursive = true,
    };

    public static readonly Option<OutputFormat> Output = new Option<OutputFormat>("--output", "-o")
    {
        Description = "table for people, json for scripts [default: table]",
        Recursive = true,
    }.WithChoices();
}
