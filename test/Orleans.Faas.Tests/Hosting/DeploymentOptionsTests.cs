using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Orleans.Faas.Hosting;

namespace Orleans.Faas.Tests.Hosting;

public sealed class DeploymentOptionsTests
{
    [Fact]
    public void Embedded_mode_needs_neither_Redis_nor_PostgreSQL()
    {
        Assert.Empty(Validate(new DeploymentOptions()));
    }

    [Fact]
    public void Cluster_mode_without_Redis_is_refused_with_the_key_to_set()
    {
        var error = Assert.Single(Validate(new DeploymentOptions { Mode = FaasMode.Cluster, Postgres = "Host=db" }));

        Assert.Contains("Faas:Redis is required in Cluster mode", error.ErrorMessage);
    }

    [Fact]
    public void A_cluster_silo_without_PostgreSQL_is_refused_with_the_key_to_set()
    {
        var options = new DeploymentOptions { Mode = FaasMode.Cluster, Redis = "127.0.0.1:6379" };

        Assert.Empty(Validate(options));
        var error = Assert.Throws<OptionsValidationException>(options.RequirePostgres);
        Assert.Contains("Faas:Postgres is required", error.Message);
    }

    private static List<ValidationResult> Validate(DeploymentOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
