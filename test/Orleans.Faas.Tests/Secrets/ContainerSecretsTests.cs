using System.Collections.Immutable;
using Docker.DotNet.Models;
using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Docker;
using Orleans.Faas.Runtime.Secrets;

namespace Orleans.Faas.Tests.Secrets;

public sealed class ContainerSecretsTests
{
    private static readonly FunctionDefinition Function = new(
        "reader", FunctionRuntime.Docker, "faas-samples/hello:latest", [], ImmutableDictionary<string, string>.Empty.Add("A", "1"), 0.5, 64, TimeSpan.FromSeconds(30));

    private static readonly DockerOptions Node = new() { Node = "node-a", AgentPath = "/opt/faas/agent/faas-agent" };

    [Fact]
    public void A_secrets_folder_is_mounted_read_only_at_run_secrets_and_nothing_of_it_goes_into_the_environment()
    {
        var spec = ContainerBlueprint.For(Function with { Secrets = ["db"] }, new Config { Cmd = ["/bin/true"] }, Node, "/tmp/ofaas-x/1", "/dev/shm/ofaas-secrets-node-a/1");

        Assert.Contains("/dev/shm/ofaas-secrets-node-a/1:/run/secrets:ro", spec.HostConfig.Binds);
        Assert.Equal(["A=1"], spec.Env);
    }

    [Fact]
    public void Without_secrets_nothing_is_mounted_at_run_secrets()
    {
        var spec = ContainerBlueprint.For(Function, new Config { Cmd = ["/bin/true"] }, Node, "/tmp/ofaas-x/1");

        Assert.DoesNotContain(spec.HostConfig.Binds, bind => bind.Contains(ContainerSecrets.MountPoint));
    }

    [Theory]
    [InlineData("65534:65534", 65534, 65534)]
    [InlineData("1000", 1000, -1)]
    public void Numeric_users_own_their_secret_files(string user, int uid, int gid) =>
        Assert.Equal((uid, gid), ContainerSecrets.NumericOwner(user));

    [Theory]
    [InlineData("app")]
    [InlineData("1000:staff")]
    [InlineData("-1")]
    public void Named_users_cannot_be_resolved_on_the_node(string user) => Assert.Null(ContainerSecrets.NumericOwner(user));

    [Fact]
    public async Task Values_are_written_whole_replaced_on_rewrite_and_removed_with_the_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"secrets-test-{Guid.NewGuid():N}");
        var secrets = ContainerSecrets.Create(folder, "app");
        try
        {
            await secrets.WriteAsync(new Dictionary<string, byte[]> { ["db"] = "one"u8.ToArray() }, CancellationToken.None);
            await secrets.WriteAsync(new Dictionary<string, byte[]> { ["db"] = "two"u8.ToArray() }, CancellationToken.None);

            Assert.Equal("two", await File.ReadAllTextAsync(Path.Combine(folder, "db")));
            Assert.Equal(["db"], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
        finally
        {
            secrets.Delete();
        }
        Assert.False(Directory.Exists(folder));
    }
}
