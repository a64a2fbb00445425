using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Gateway.Hosting;

/// <summary>Which cluster a silo or a gateway belongs to (<c>Faas:Cluster</c>); both must agree to talk.</summary>
public sealed class ClusterIdentityOptions
{
    public const string Section = "Faas:Cluster";

    [Required]
    public string ServiceId { get; set; } = "orleans-faas";

    [Required]
    public string ClusterId { get; set; } = "faas";
}
