using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Faas.DeadLetters;
using Orleans.Faas.History;
using Orleans.Faas.Models;
using Orleans.Faas.Storage.DeadLetters;
using Orleans.Faas.Storage.History;
using Orleans.Faas.Storage.Models;
using Orleans.Faas.Storage.Schema;
using Orleans.Faas.Storage.Secrets;

namespace Orleans.Faas.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>One pooled PostgreSQL data source for the platform's own tables, and the schema migrator.</summary>
    public static IServiceCollection AddFaasPostgres(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<SchemaMigrator>();
        return services;
    }

    /// <summary>
    /// The execution history in PostgreSQL, written in the background and kept for <see cref="HistoryOptions.Retention"/>;
    /// needs <see cref="AddFaasPostgres"/>.
    /// </summary>
    public static IServiceCollection AddPostgresExecutionHistory(this IServiceCollection services)
    {
        services.AddHostedService<HistoryRetention>();
        services.AddSingleton<PostgresExecutionHistory>();
        services.AddSingleton<IExecutionHistory>(s => s.GetRequiredService<PostgresExecutionHistory>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(s => s.GetRequiredService<PostgresExecutionHistory>());
        return services;
    }

    /// <summary>
    /// Data Protection with its key ring in PostgreSQL and one application name for the whole cluster, so every silo
    /// shares the keys secrets are encrypted with; needs <see cref="AddFaasPostgres"/>.
    /// </summary>
    /// <param name="applicationName">The same on every node of the cluster: Data Protection isolates applications by it.</param>
    public static IServiceCollection AddPostgresDataProtection(this IServiceCollection services, string applicationName)
    {
        services.AddDataProtection().SetApplicationName(applicationName);
        services.AddOptions<KeyManagementOptions>().Configure<NpgsqlDataSource>((o, dataSource) => o.XmlRepository = new PostgresKeyRing(dataSource));
        return services;
    }

    /// <summary>The cluster's trained runtime models in PostgreSQL; needs <see cref="AddFaasPostgres"/>.</summary>
    public static IServiceCollection AddPostgresModelStore(this IServiceCollection services) =>
        services.AddSingleton<IModelStore, PostgresModelStore>();

    /// <summary>
    /// The dead letters in PostgreSQL, bounded by <see cref="DeadLetterOptions"/> and swept past its retention; needs
    /// <see cref="AddFaasPostgres"/>.
    /// </summary>
    public static IServiceCollection AddPostgresDeadLetters(this IServiceCollection services)
    {
        services.AddHostedService<DeadLetterRetention>();
        return services.AddSingleton<IDeadLetters, PostgresDeadLetters>();
    }
}
