using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Orleans.Faas.HttpModel.Callbacks;

/// <summary>How callbacks are delivered, and where they may go (<c>Faas:Callbacks</c>); read by silos and gateways alike.</summary>
public sealed class CallbackOptions : IValidatableObject
{
    public const string Section = "Faas:Callbacks";

    /// <summary>How long after the task or batch finished delivery is tried before the callback FAILS.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The wait before the first retry; each later one waits about twice as long, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one POST may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The period of the reminder that resumes a pending delivery whose silo died or stopped.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ResumeEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Host names callbacks may reach whatever they resolve to (exact, case-insensitive): the operator's own receivers.</summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. <c>10.1.0.0/16</c>) callbacks may reach although they are internal (<see cref="InternalAddresses"/>).</summary>
    public string[] AllowedNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        AllowedNetworks.Where(n => !IPNetwork.TryParse(n, out _)).Select(n =>
            new ValidationResult($"'{n}' is not a network in CIDR notation (an address, '/', and as many prefix bits as it has).", [nameof(AllowedNetworks)]));
}
