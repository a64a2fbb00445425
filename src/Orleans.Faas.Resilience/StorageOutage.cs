using System.Data.Common;
using Orleans.Faas.Tasks;
using Orleans.Serialization;

namespace Orleans.Faas.Resilience;

/// <summary>
/// Whether a failed call failed because the cluster's database is away: a grain that could not read or write its state
/// fails with Orleans' storage error around the database client's. A gateway without that client (the standalone
/// one) gets the database's exception as a stand-in that only names its type.
/// </summary>
public static class StorageOutage
{
    private const string DatabaseClientNamespace = "Npgsql.";

    public static bool Caused(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException || e is UnavailableExceptionFallbackException { ExceptionType: { } type } && type.StartsWith(DatabaseClientNamespace, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Whether work the platform carries on by itself (a chain's steps, a batch's submissions) should be tried again
    /// later rather than given up: the cluster briefly unreachable, or the database away.
    /// </summary>
    public static bool IsPassing(Exception exception) =>
        exception is OrleansException or TimeoutException or TaskNotStoredException || Caused(exception);
}
