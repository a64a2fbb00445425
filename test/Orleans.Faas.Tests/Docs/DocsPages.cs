using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Orleans.Faas.Tests.Builds;

namespace Orleans.Faas.Tests.Docs;

/// <summary>The README and every page under docs/, parsed as GitHub renders them (its heading anchors included).</summary>
internal static class DocsPages
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .Build();

    /// <summary>Every page's path relative to the repository root, with '/' between folders.</summary>
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Path.Combine(ProjectBuild.RepositoryRoot, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(ProjectBuild.RepositoryRoot, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Prepend("README.md")
            .Order(StringComparer.Ordinal);

    public static MarkdownDocument Parse(string page) => Markdown.Parse(File.ReadAllText(Path.Combine(ProjectBuild.RepositoryRoot, page)), Pipeline);

    /// <summary>The anchors GitHub gives the page's headings.</summary>
    public static HashSet<string> Anchors(string page) =>
        [.. Parse(page).Descendants<HeadingBlock>().Select(heading => heading.GetAttributes().Id!)];
}
