using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Faas.Storage;
using Orleans.Faas.Storage.Secrets;

namespace Orleans.Faas.IntegrationTests.Storage;

/// <summary>The Data Protection key ring in a real PostgreSQL database: what every silo of a cluster encrypts secrets with.</summary>
public sealed class PostgresKeyRingTests : IAsyncLifetime
{
    private MigratedDatabase? _database;

    private MigratedDatabase Database => _database!;

    public async Task InitializeAsync() => _database = await MigratedDatabase.Create();

    public async Task DisposeAsync() => await Database.DisposeAsync();

    [Fact]
    public void Stored_elements_are_read_back_in_order_and_a_second_store_of_a_name_replaces_it()
    {
        var ring = new PostgresKeyRing(Database.DataSource);

        ring.StoreElement(new XElement("key", new XAttribute("id", "a")), "key-a");
        ring.StoreElement(new XElement("key", new XAttribute("id", "b")), "key-b");
        ring.StoreElement(new XElement("key", new XAttribute("id", "b"), new XAttribute("revised", "yes")), "key-b");

        var elements = new PostgresKeyRing(Database.DataSource).GetAllElements();
        Assert.Equal(["a", "b"], elements.Select(e => (string)e.Attribute("id")!));
        Assert.Equal("yes", (string?)elements.Last().Attribute("revised"));
    }

    [Fact]
    public void What_one_node_protects_another_node_on_the_same_database_unprotects()
    {
        using var first = Node("orleans-faas/test");
        using var second = Node("orleans-faas/test");
        var ciphertext = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("p").Protect(Encoding.UTF8.GetBytes("s3cret"));

        var plain = second.GetRequiredService<IDataProtectionProvider>().CreateProtector("p").Unprotect(ciphertext);

        Assert.Equal("s3cret", Encoding.UTF8.GetString(plain));
        Assert.NotEmpty(new PostgresKeyRing(Database.DataSource).GetAllElements());
    }

    [Fact]
    public void Another_application_name_on_the_same_keys_cannot_unprotect()
    {
        using var ours = Node("orleans-faas/one");
        using var theirs = Node("orleans-faas/other");
        var ciphertext = ours.GetRequiredService<IDataProtectionProvider>().CreateProtector("p").Protect([1, 2, 3]);

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            theirs.GetRequiredService<IDataProtectionProvider>().CreateProtector("p").Unprotect(ciphertext));
    }

    private ServiceProvider Node(string applicationName)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(Database.DataSource);
        services.AddPostgresDataProtection(applicationName);
        var provider = services.BuildServiceProvider();
        Assert.IsType<PostgresKeyRing>(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<KeyManagementOptions>>().Value.XmlRepository);
        return provider;
    }
}
