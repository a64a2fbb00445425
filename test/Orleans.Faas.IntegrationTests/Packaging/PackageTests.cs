using System.IO.Compression;
using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Packaging;

/// <summary>The README's install steps: the client packs with its README and XML docs, and faas packs, installs from the folder and runs.</summary>
public sealed class PackageTests
{
    [Fact]
    public async Task The_client_and_the_faas_tool_pack_and_the_tool_installs_from_the_packages_folder()
    {
        var packages = Directory.CreateTempSubdirectory("faas-packages-").FullName;
        var tools = Directory.CreateTempSubdirectory("faas-tools-").FullName;
        try
        {
            foreach (var project in new[] { "Orleans.Faas.Client", "Orleans.Faas.Cli" })
            {
                var pack = await Dotnet("pack", Path.Combine(Checkout.Root, "src", project), "-c", Checkout.BuildConfiguration, "--no-build", "-o", packages);
                Assert.True(pack.ExitCode == 0, pack.ToString());
            }
            using (var client = ZipFile.OpenRead(Directory.GetFiles(packages, "Orleans.Faas.Client.*.nupkg").Single()))
            {
                var entries = client.Entries.Select(e => e.FullName).ToList();
                Assert.Contains("README.md", entries);
                Assert.Contains("lib/net10.0/Orleans.Faas.Client.dll", entries);
                Assert.Contains("lib/net10.0/Orleans.Faas.Client.xml", entries);
            }

            var install = await Dotnet("tool", "install", "--tool-path", tools, "--add-source", packages, "Orleans.Faas.Cli");
            Assert.True(install.ExitCode == 0, install.ToString());
            var help = await Programs.Run(Path.Combine(tools, "faas"), ["--help"]);
            Assert.True(help.ExitCode == 0, help.ToString());
            Assert.Contains("deploy", help.Text);
        }
        finally
        {
            Directory.Delete(packages, recursive: true);
            Directory.Delete(tools, recursive: true);
        }
    }

    private static Task<ProgramRun> Dotnet(params string[] args) => Programs.Run("dotnet", args);
}
