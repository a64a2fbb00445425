namespace Orleans.Faas.Cli;

internal static class FaasAction
{
    /// <summary>Runs the verb in a session made from its command line, and turns how it ended into the exit code.</summary>
    public static Command Runs(this Command command, Func<CliSession, CancellationToken, Task<ExitCode>> action)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var session = new CliSession(parseResult);
            try
            {
                return (int)await action(session, cancellationToken);
            }
            catch (Exception e) when (ErrorReport.Handles(e))
            {
                return (int)ErrorReport.Write(e, session.Error);
            }
        });
        return command;
    }
}
