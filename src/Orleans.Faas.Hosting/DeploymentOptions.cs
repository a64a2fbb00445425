using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Hosting;

public enum FaasMode
{
    /// <summary>One silo with localhost clustering and in-memory state, hosting the gateway too.</summary>
    Embedded,

    /// <summary>Redis membership and PostgreSQL state: one silo per node, each serving the HTTP API, and any number of standalone gateways.</summary>
    Cluster,
}

/// <summary>How this process finds the rest of the platform (<c>Faas:Mode</c>, <c>Faas:Redis</c>, <c>Faas:Postgres</c>).</summary>
public sealed class DeploymentOptions : IValidatableObject
{
    public const string Section = "Faas";

    public FaasMode Mode { get; set; } = FaasMode.Embedded;

    /// <summary>A StackExchange.Redis configuration string for cluster membership, e.g. <c>127.0.0.1:6379</c>.</summary>
    public string? Redis { get; set; }

    /// <summary>An Npgsql connection string for grain state, reminders and the execution history; silos only.</summary>
    public string? Postgres { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == FaasMode.Cluster && string.IsNullOrWhiteSpace(Redis))
            yield return new ValidationResult("Faas:Redis is required in Cluster mode: a Redis configuration string such as 127.0.0.1:6379.", [nameof(Redis)]);
    }

    /// <summary>The PostgreSQL connection string a cluster silo cannot start without.</summary>
    public string RequirePostgres() => string.IsNullOrWhiteSpace(Postgres)
        ? throw new Microsoft.Extensions.Options.OptionsValidationException(Section, typeof(DeploymentOptions),
            ["Faas:Postgres is required for a silo in Cluster mode: an Npgsql connection string such as Host=127.0.0.1;Username=faas;Database=faas."])
        : Postgres;
}
