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
        var applied = await new SchemaMigrator(dataSource, loggers.CreateLogger<SchemaMigrator>()).ApplyAsync(CancellationToken.None);
        Console.WriteLine($"Schema is up to date: {string.Join(", ", applied)}.");
        return 0;
    }
}
