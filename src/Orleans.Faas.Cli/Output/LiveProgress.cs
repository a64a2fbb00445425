namespace Orleans.Faas.Cli.Output;

/// <summary>Progress of long work on standard error, shown only while a person watches it.</summary>
internal static class LiveProgress
{
    /// <summary>A spinner with a line saying what is awaited.</summary>
    public static Task<T> Spinner<T>(this CliSession cli, string what, Func<Task<T>> work) =>
        cli.ShowsProgress ? cli.Error.Status().StartAsync(what, _ => work()) : work();

    /// <summary>A bar the work moves by reporting how much of how much is done.</summary>
    public static Task<T> Bar<T>(this CliSession cli, string what, Func<Action<double, double>, Task<T>> work)
    {
        if (!cli.ShowsProgress)
            return work((_, _) => { });
        return cli.Error.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(context =>
            {
                var bar = context.AddTask(what, autoStart: true, maxValue: 1);
                return work((done, total) =>
                {
                    bar.MaxValue = Math.Max(total, 1);
                    bar.Value = done;
                });
            });
    }
}
