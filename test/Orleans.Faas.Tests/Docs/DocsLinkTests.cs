using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Orleans.Faas.Tests.Docs;

/// <summary>Every relative link in the README and under docs/ reaches a file that exists, and its #anchor a heading there.</summary>
public sealed class DocsLinkTests
{
    public static TheoryData<string> Pages => [.. DocsPages.All()];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_reaches_a_file_and_its_anchor_a_heading(string page)
    {
        var links = DocsPages.Parse(page).Descendants<LinkInline>()
            .Select(link => link.Url ?? "")
            .Where(url => !Uri.TryCreate(url, UriKind.Absolute, out _))
            .ToList();

        var broken = links.Select(url => (Url: url, Why: Broken(page, url))).Where(link => link.Why is not null).Select(link => $"{link.Url}: {link.Why}").ToList();

        Assert.True(broken.Count == 0, $"{page} has broken links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void The_table_of_contents_links_to_every_page()
    {
        var linked = DocsPages.Parse("docs/README.md").Descendants<LinkInline>().Select(link => "docs/" + link.Url).ToHashSet();

        var unlisted = DocsPages.All().Where(page => page.StartsWith("docs/", StringComparison.Ordinal) && page != "docs/README.md" && !linked.Contains(page)).ToList();

        Assert.True(unlisted.Count == 0, "docs/README.md does not list: " + string.Join(", ", unlisted));
    }

    [Fact]
    public void An_anchor_follows_githubs_slug_rules()
    {
        // The test above is only as good as the anchors it compares with: GitHub drops punctuation and keeps hyphens.
        Assert.Contains("reading-waiting-for-and-cancelling-a-task", DocsPages.Anchors("docs/concepts/tasks.md"));
        Assert.Contains("what-is-kept-and-for-how-long", DocsPages.Anchors("docs/operations/what-is-kept.md"));
        Assert.Contains("the-net-client", DocsPages.Anchors("docs/reference/client.md"));
    }

    /// <returns>Why the link does not resolve, or null when it does.</returns>
    private static string? Broken(string page, string url)
    {
        var (path, anchor) = url.IndexOf('#') is var hash and >= 0 ? (url[..hash], url[(hash + 1)..]) : (url, null);
        var target = path.Length == 0 ? page : Path.GetRelativePath(Checkout.Root, Path.GetFullPath(Path.Combine(Checkout.Root, Path.GetDirectoryName(page)!, path)));
        var full = Path.Combine(Checkout.Root, target);
        if (!File.Exists(full) && !Directory.Exists(full))
            return "no such file";
        if (anchor is null)
            return null;
        if (!target.EndsWith(".md", StringComparison.Ordinal))
            return "an anchor into a file that is not markdown";
        return DocsPages.Anchors(target.Replace(Path.DirectorySeparatorChar, '/')).Contains(anchor) ? null : $"no heading #{anchor} in {target}";
    }
}
