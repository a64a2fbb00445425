using System.CommandLine.Invocation;
using Orleans.Faas.Cli;

var parseResult = FaasCommand.Create().Parse(args);
if (parseResult.Action is ParseErrorAction parseError)
{
    // The error and any typo correction say enough; the whole help would bury them.
    parseError.ShowHelp = false;
    await parseResult.InvokeAsync();
    return (int)ExitCode.Usage;
}
return await parseResult.InvokeAsync();
