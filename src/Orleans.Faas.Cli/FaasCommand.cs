using Orleans.Faas.Cli.Batches;
using Orleans.Faas.Cli.Benchmarks;
using Orleans.Faas.Cli.Chains;
using Orleans.Faas.Cli.Completion;
using Orleans.Faas.Cli.Deployment;
using Orleans.Faas.Cli.Executions;
using Orleans.Faas.Cli.Functions;
using Orleans.Faas.Cli.Invocations;
using Orleans.Faas.Cli.Keys;
using Orleans.Faas.Cli.Mapping;
using Orleans.Faas.Cli.Predictions;
using Orleans.Faas.Cli.Profiles;
using Orleans.Faas.Cli.Providers;
using Orleans.Faas.Cli.RuntimeModels;
using Orleans.Faas.Cli.Secrets;
using Orleans.Faas.Cli.Triggers;
using Orleans.Faas.Cli.Tasks;

namespace Orleans.Faas.Cli;

/// <summary>faas and its verbs.</summary>
internal static class FaasCommand
{
    public static RootCommand Create() => new("faas: deploy, invoke and watch functions on Orleans.Faas")
    {
        GlobalOptions.Gateway,
        GlobalOptions.Namespace,
        GlobalOptions.Output,
        LoginCommands.Login(),
        LoginCommands.Logout(),
        LoginCommands.WhoAmI(),
        KeyCommands.Create(),
        DeployCommand.Create(),
        FunctionCommands.Create(),
        InvokeCommand.Create(),
        MapCommand.Create(),
        BatchCommands.Create(),
        TaskCommands.Create(),
        ChainCommands.Create(),
        ProviderCommands.Create(),
        ExecutionsCommand.Create(),
        BenchmarkCommands.Create(),
        ProfileCommands.Create(),
        PredictCommand.Create(),
        ModelCommands.Create(),
        SecretCommands.Create(),
        TriggerCommands.Create(),
        CompletionCommand.Create(),
    };
}
