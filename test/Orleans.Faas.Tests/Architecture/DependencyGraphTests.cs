using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Orleans.Faas.Tests.Architecture;

/// <summary>
/// The platform's dependency graph as its compiled assemblies have it: a reference is there when the code uses it, so a
/// project reference nothing uses does not count and one that is used cannot hide. The contracts stand alone, the
/// HTTP side and the client never reach into a silo's parts, only the silo host holds the gateway, and the gateway's
/// dashboard reads the cluster through the client library alone.
/// </summary>
public sealed class DependencyGraphTests
{
    private const string Platform = "Orleans.Faas.";

    private static readonly string[] Projects =
    [
        "Orleans.Faas.Abstractions", "Orleans.Faas.HttpModel", "Orleans.Faas.Resilience", "Orleans.Faas.Hosting",
        "Orleans.Faas.Prediction", "Orleans.Faas.Runtime", "Orleans.Faas.Storage", "Orleans.Faas.Grains",
        "Orleans.Faas.Gateway", "Orleans.Faas.Silo", "Orleans.Faas.Client", "Orleans.Faas.Cli", "Orleans.Faas.Dashboard",
    ];

    private static readonly Dictionary<string, string[]> References = Projects.ToDictionary(p => p, ReferencedAssemblies);

    [Fact]
    public void Every_project_of_the_platform_is_in_the_graph_and_read_from_its_build()
    {
        var projects = Directory.GetFiles(Path.Combine(Checkout.Root, "src"), "*.csproj", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension).Order();
        Assert.Equal(projects, Projects.Order());
        Assert.Contains("Orleans.Faas.Abstractions", References["Orleans.Faas.Grains"]);
    }

    [Fact]
    public void The_contracts_reference_only_Orleans_and_the_runtime()
    {
        var others = References["Orleans.Faas.Abstractions"].Where(r => !IsRuntime(r) && !r.StartsWith("Orleans.", StringComparison.Ordinal));
        Assert.Empty(others);
        Assert.DoesNotContain(References["Orleans.Faas.Abstractions"], r => r.StartsWith(Platform, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Orleans.Faas.Gateway")]
    [InlineData("Orleans.Faas.Client")]
    [InlineData("Orleans.Faas.Cli")]
    [InlineData("Orleans.Faas.Dashboard")]
    public void The_HTTP_side_never_reaches_a_silo_s_grains_runtime_or_storage(string project)
    {
        var reached = Reachable(project);
        Assert.DoesNotContain("Orleans.Faas.Grains", reached);
        Assert.DoesNotContain("Orleans.Faas.Runtime", reached);
        Assert.DoesNotContain("Orleans.Faas.Storage", reached);
    }

    [Fact]
    public void Only_the_silo_host_references_the_gateway()
    {
        var holders = Projects.Where(p => References[p].Contains("Orleans.Faas.Gateway"));
        Assert.Equal(["Orleans.Faas.Silo"], holders);
    }

    [Fact]
    public void The_gateway_serves_the_dashboard_and_the_dashboard_reads_through_the_client_library()
    {
        Assert.Contains("Orleans.Faas.Dashboard", References["Orleans.Faas.Gateway"]);
        Assert.Contains("Orleans.Faas.Client", References["Orleans.Faas.Dashboard"]);
    }

    [Theory]
    [InlineData("Orleans.Faas.Client")]
    [InlineData("Orleans.Faas.Cli")]
    [InlineData("Orleans.Faas.Dashboard")]
    public void The_client_side_knows_nothing_of_Orleans_but_the_client_library(string project)
    {
        var others = References[project].Where(r => r.StartsWith("Orleans.", StringComparison.Ordinal) && r != "Orleans.Faas.Client");
        Assert.Empty(others);
    }

    private static HashSet<string> Reachable(string project)
    {
        var reached = new HashSet<string>();
        var next = new Stack<string>([project]);
        while (next.TryPop(out var current))
        {
            foreach (var reference in References[current].Where(r => References.ContainsKey(r) && reached.Add(r)))
                next.Push(reference);
        }
        return reached;
    }

    private static bool IsRuntime(string assembly) =>
        assembly is "netstandard" or "mscorlib" || assembly.StartsWith("System.", StringComparison.Ordinal) || assembly == "System";

    private static string[] ReferencedAssemblies(string project)
    {
        var path = Checkout.Built(Path.Combine("src", project), project == "Orleans.Faas.Cli" ? "faas" : project);
        Assert.True(File.Exists(path), $"{project} is not built at {path}.");
        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        return [.. metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name))];
    }
}
