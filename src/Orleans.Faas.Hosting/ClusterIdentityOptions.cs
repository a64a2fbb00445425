using System.ComponentModel.DataAnnotations;
using Orleans.Configuration;

namespace Orleans.Faas.Hosting;

/// <summary>Which cluster a silo or a gateway belongs to (<c>Faas:Cluster</c>); both must agree to talk.</summary>
public sealed class ClusterIdentityOptions
{
    public const string Section = "Faas:Cluster";

    [Required]
    public string ServiceId { get; set; } = "orleans-faas";

    [Required]
    public string ClusterId { get; set; } = "faas";

    /// <summary>Gives Orleans this identity, on a silo and on a client alike.</summary>
    public void ApplyTo(ClusterOptions options) => (options.ServiceId, options.ClusterId) = (ServiceId, ClusterId);
}
