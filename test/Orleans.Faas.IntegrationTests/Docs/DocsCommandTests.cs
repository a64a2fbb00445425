using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Docs;

/// <summary>
/// The shell commands of each page run as written, in order, as one bash script in a fresh folder, against the
/// platform started the way the README starts it. The folder holds the repository's files (linked), as a clone's root
/// would, and nothing else: what a page needs, a step of the page makes. A block a test cannot run is marked with
/// its reason (<see cref="ShellBlocks"/>); every other block is run.
/// </summary>
[Collection(DocsPlatformCollection.Name)]
public sealed class DocsCommandTests(DocsPlatformFixture platform)
{
    /// <summary>The address the pages name, which is the default one.</summary>
    private const string DocumentedAddress = "127.0.0.1:8080";

    /// <summary>A page's benchmark and profile jobs take minutes on a busy machine.</summary>
    private static readonly TimeSpan PagePatience = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Every curl fails the run on an HTTP error (showing the problem), as a reader would notice one; <c>faas</c> is
    /// the CLI this build made, as the installed tool would be; the trace shows each command before it runs.
    /// </summary>
    private static readonly string Prelude = $$"""
        set -euo pipefail
        curl() { command curl --fail-with-body --show-error "$@"; }
        faas() { dotnet '{{Checkout.Built(Path.Combine("src", "Orleans.Faas.Cli"), "faas")}}' "$@"; }
        set -x

        """;

    public static TheoryData<string> Pages => [.. DocsPages.All().Where(page => ShellBlocks.Of(page).Count > 0)];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_shell_commands_of_the_page_run_as_written(string page)
    {
        var blocks = ShellBlocks.Of(page);
        var run = blocks.Where(block => block.NotRunBecause is null).ToList();
        Assert.All(blocks, block => Assert.True(block.NotRunBecause is not { Length: 0 }, $"{page}:{block.Line} is marked without a reason."));
        if (run.Count == 0)
            return;

        var script = Prelude + string.Join('\n', run.Select(block => $": '{page}:{block.Line}'\n{block.Text}\n"))
            .Replace(DocumentedAddress, $"127.0.0.1:{platform.Silo.GatewayUrl.Port}", StringComparison.Ordinal)
            .Replace("localhost:8080", $"localhost:{platform.Silo.GatewayUrl.Port}", StringComparison.Ordinal);
        var folder = await FreshClone();

        var result = await Programs.Run("bash", ["-c", script], environment: environment =>
        {
            // The CLI's default gateway is the documented one; here it is the platform's private port.
            environment["FAAS_GATEWAY"] = platform.Silo.GatewayUrl.ToString();
            environment.Remove("FAAS_API_KEY");
            environment.Remove("FAAS_NAMESPACE");
            environment["XDG_CONFIG_HOME"] = Path.Combine(folder, ".config");
            environment["DOCKER_HOST"] = TestEnvironment.DockerEndpoint;
        }, workingDirectory: folder, patience: PagePatience);

        Assert.True(result.ExitCode == 0, $"{page} failed:\n{result}\nsilo log:\n{platform.Silo.LogTail()}");
    }

    /// <summary>
    /// A new folder with the repository's tracked top-level entries linked into it, not what earlier walk-throughs
    /// left in the repository.
    /// </summary>
    private static async Task<string> FreshClone()
    {
        var folder = Path.Combine(TestEnvironment.WorkFolder, $"docs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var tracked = await Programs.Run("git", ["-C", Checkout.Root, "ls-files"]);
        Assert.True(tracked.ExitCode == 0, tracked.ToString());
        foreach (var entry in tracked.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(path => path.Split('/')[0]).Distinct())
            File.CreateSymbolicLink(Path.Combine(folder, entry), Path.Combine(Checkout.Root, entry));
        return folder;
    }
}
