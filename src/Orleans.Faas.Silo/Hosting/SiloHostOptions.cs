using System.ComponentModel.DataAnnotations;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Silo.Hosting;

/// <summary>Who this silo is and where it listens (<c>Faas:Silo</c>); private ports let several silos share a host.</summary>
public sealed class SiloHostOptions : IValidatableObject
{
    public const string Section = "Faas:Silo";

    /// <summary>The node's name; it is also the provider id, so it must be unique in the cluster.</summary>
    [Required, RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    public string NodeName { get; set; } = Environment.MachineName;

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and gateways reach this one at, in cluster mode; unset picks this host's own.</summary>
    [RegularExpression(@"^[0-9a-fA-F.:]+$", ErrorMessage = "AdvertisedAddress must be an IP address, e.g. 10.0.0.5.")]
    public string? AdvertisedAddress { get; set; }

    /// <summary>What kind of machine this is, in the operator's words (e.g. "server", "edge", "gpu"); part of the node's facts.</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{0,31}$", ErrorMessage = "DeviceClass must be 1-32 characters of a-z, 0-9 and '-', e.g. edge.")]
    public string DeviceClass { get; set; } = NodeFacts.UnspecifiedDeviceClass;

    /// <summary>What machine this is (e.g. "Raspberry Pi 4B"); part of the node's facts. Unset reads it from the machine: its devicetree model, DMI product name or CPU model.</summary>
    [StringLength(128, MinimumLength = 1)]
    public string? DeviceModel { get; set; }

    /// <summary>What this node offers, in its operator's words (<c>Faas:Silo:Labels:gpu=true</c>); functions may require them.</summary>
    public Dictionary<string, string> Labels { get; set; } = [];

    /// <summary>Root of the procfs/sysfs tree node facts are read from and resctrl groups are made in; tests point it at a fake tree.</summary>
    [Required]
    public string FactsRoot { get; set; } = "/";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Labels.Where(l => !HttpModel.Functions.Labels.IsValid(l.Key, l.Value))
            .Select(l => new ValidationResult($"Label '{l.Key}={l.Value}': {HttpModel.Functions.Labels.Rule}", [nameof(Labels)]));
}
