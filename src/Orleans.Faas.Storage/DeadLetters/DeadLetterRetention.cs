using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Faas.DeadLetters;
using Orleans.Faas.Storage.Retention;

namespace Orleans.Faas.Storage.DeadLetters;

/// <summary>
/// Deletes the dead letters whose task failed longer than <see cref="DeadLetterOptions.Retention"/> ago, also those of a
/// function that fails no more (adding a letter drops only its own function's old ones).
/// </summary>
public sealed class DeadLetterRetention(NpgsqlDataSource dataSource, IOptions<DeadLetterOptions> options, TimeProvider clock, ILogger<DeadLetterRetention> logger)
    : RetentionSweep(dataSource, clock, logger, "faas_dead_letters", "failed_at")
{
    protected override TimeSpan Retention => options.Value.Retention;
}
