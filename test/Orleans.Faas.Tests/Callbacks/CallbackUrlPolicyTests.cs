using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Faas.HttpModel.Callbacks;

namespace Orleans.Faas.Tests.Callbacks;

public sealed class CallbackUrlPolicyTests
{
    private static CallbackUrlPolicy Policy(string[]? hosts = null, string[]? networks = null) =>
        new(Options.Create(new CallbackOptions { AllowedHosts = hosts ?? [], AllowedNetworks = networks ?? [] }));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("169.254.169.254")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.251")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("febf::1")]
    [InlineData("fc00::1")]
    [InlineData("fdff::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:100.64.0.1")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:7f00:1::")]
    public void Internal_addresses_are_refused_in_every_form(string address)
    {
        var ip = IPAddress.Parse(address);
        Assert.True(InternalAddresses.Contains(ip));
        Assert.False(Policy().Allows("receiver.example", ip));
        var host = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address;
        Assert.Contains(CallbackUrlPolicy.Refused, Policy().Problem($"http://{host}:8080/hook"));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_allowed(string address)
    {
        Assert.False(InternalAddresses.Contains(IPAddress.Parse(address)));
        Assert.True(Policy().Allows("receiver.example", IPAddress.Parse(address)));
    }

    [Fact]
    public void The_url_must_be_absolute_http_or_https_and_a_name_is_left_to_the_connection()
    {
        Assert.NotNull(Policy().Problem("/relative"));
        Assert.NotNull(Policy().Problem("ftp://receiver.example/x"));
        Assert.NotNull(Policy().Problem("http://localhost:8080/"));
        Assert.Null(Policy().Problem("https://receiver.example/hook"));
        Assert.Null(Policy().Problem("http://internal.example/hook"));
    }

    [Fact]
    public void The_operator_allows_hosts_by_name_and_networks_by_cidr_in_every_form()
    {
        var policy = Policy(hosts: ["Hooks.Internal"], networks: ["127.0.0.0/8", "fd00::/8"]);

        Assert.True(policy.Allows("hooks.internal.", IPAddress.Parse("10.0.0.7")));
        Assert.False(policy.Allows("other.internal", IPAddress.Parse("10.0.0.7")));
        Assert.True(policy.Allows("other.internal", IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.True(policy.Allows("other.internal", IPAddress.Parse("fd12::1")));
        Assert.False(policy.Allows("other.internal", IPAddress.Parse("169.254.169.254")));
        Assert.Null(policy.Problem("http://127.0.0.1:8080/"));
        Assert.Null(policy.Problem("http://localhost:8080/"));
        Assert.NotNull(policy.Problem("http://[::1]:8080/"));
    }

    [Fact]
    public void A_network_that_is_not_cidr_fails_validation()
    {
        var options = new CallbackOptions { AllowedNetworks = ["10.0.0.0/8", "10.0.0.0/33", "internal"] };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal([nameof(CallbackOptions.AllowedNetworks)], r.MemberNames));
    }
}
