using Npgsql;
using Orleans.Faas.Hosting;
using Orleans.Faas.Storage.Schema;

namespace Orleans.Faas.Silo.Hosting;

/// <summary>The <c>migrate</c> verb: applies the PostgreSQL schema, which is safe to do any number of times, and exits.</summary>
public static class SchemaCommand
{
    public static async Task<int> Migrate(DeploymentOptions deployment)
    {
        using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
        await using var dataSource = NpgsqlDataSource.Create(deployment.RequirePostgres());
        // The migrator's own log line is the verb's one line of output.
        await new SchemaMigrator(dataSource, loggers.CreateLogger<SchemaMigrator>()).ApplyAsync(CancellationToken.None);
        return 0;
    }
}
