using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Faas.History;
using Orleans.Faas.Storage.Retention;

namespace Orleans.Faas.Storage.History;

/// <summary>Deletes the execution records whose attempt finished longer than <see cref="HistoryOptions.Retention"/> ago.</summary>
public sealed class HistoryRetention(NpgsqlDataSource dataSource, IOptions<HistoryOptions> options, TimeProvider clock, ILogger<HistoryRetention> logger)
    : RetentionSweep(dataSource, clock, logger, "faas_execution_history", "finished_at")
{
    protected override TimeSpan Retention => options.Value.Retention;
}
