using System.Diagnostics;
using Orleans.Faas.IntegrationTests.Hosting;
using Orleans.Faas.Runtime.Files;
using Orleans.Faas.Runtime.Processes;

namespace Orleans.Faas.IntegrationTests.Runtime;

/// <summary>The folders a root node makes and removes where others can write: it never takes over or follows what someone else put there.</summary>
public sealed class NodeFolderTests
{
    private const int Nobody = 65534;

    [Fact]
    public void A_node_folder_another_user_made_first_is_refused_and_left_alone()
    {
        var node = $"it-{Guid.NewGuid():N}";
        var planted = Directory.CreateDirectory(Path.Combine(TestEnvironment.WorkFolder, $"ofaas-{node}")).FullName;
        File.WriteAllText(Path.Combine(planted, "theirs"), "x");
        Ownership.Give(planted, Nobody, Nobody);

        var refused = Assert.Throws<InvalidOperationException>(() => TestDockerRunners.Create(node: node));

        Assert.Contains($"owned by uid {Nobody}", refused.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(planted, "theirs")));
    }

    [Fact]
    public void A_node_folder_that_is_a_link_is_refused_and_its_target_left_alone()
    {
        var node = $"it-{Guid.NewGuid():N}";
        var target = Directory.CreateDirectory(Path.Combine(TestEnvironment.WorkFolder, $"target-{node}")).FullName;
        File.WriteAllText(Path.Combine(target, "kept"), "x");
        Directory.CreateSymbolicLink(Path.Combine(TestEnvironment.WorkFolder, $"ofaas-secrets-{node}"), target);

        var refused = Assert.Throws<InvalidOperationException>(() => TestDockerRunners.Create(node: node, docker: o => o.SecretsParent = TestEnvironment.WorkFolder));

        Assert.Contains("is a link", refused.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(target, "kept")));
    }

    [Fact]
    public async Task Removing_a_run_folder_never_follows_a_link_swapped_in_while_it_is_removed()
    {
        // What the run's user could not delete itself, and the root silo must not delete for it.
        var victim = Directory.CreateDirectory(Path.Combine(TestEnvironment.WorkFolder, $"victim-{Guid.NewGuid():N}")).FullName;
        var victimFiles = Enumerable.Range(0, 50).Select(i => Path.Combine(victim, $"file-{i}")).ToList();
        var clock = Stopwatch.StartNew();
        var attempts = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            victimFiles.ForEach(f => File.WriteAllText(f, "x"));
            var folder = RunFolder.Create(account: null);
            var inner = Path.Combine(folder.Path, "inner");
            Directory.CreateDirectory(inner);
            victimFiles.ForEach(f => File.WriteAllText(Path.Combine(inner, Path.GetFileName(f)), "x"));
            using var stop = new CancellationTokenSource();
            // The run's user, still at work: it swaps its inner folder for a link to the victim, over and over.
            var swapping = Task.Run(() => SwapForLink(inner, victim, stop.Token));
            try
            {
                folder.Remove();
            }
            catch (IOException)
            {
                // The swapping may leave something that cannot be removed in this pass; the victim is what counts.
            }
            await stop.CancelAsync();
            await swapping;
            if (Directory.Exists(folder.Path))
                folder.Remove();
            attempts++;
            Assert.True(victimFiles.All(File.Exists), $"the removal followed the swapped-in link on attempt {attempts}");
        }
    }

    private static void SwapForLink(string inner, string victim, CancellationToken stop)
    {
        var aside = $"{inner}.aside";
        while (!stop.IsCancellationRequested)
        {
            try
            {
                Directory.Move(inner, aside);
                Directory.CreateSymbolicLink(inner, victim);
                File.Delete(inner);
                Directory.Move(aside, inner);
            }
            catch (IOException)
            {
                // The removal took part of it away; keep swapping what is left.
                if (!Directory.Exists(Path.GetDirectoryName(inner)))
                    return;
            }
        }
    }
}
