using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Orleans.Faas.Testing;

/// <summary>The README and every page under docs/, parsed as GitHub renders them (its heading anchors included).</summary>
/// <remarks>One file, compiled into the unit tests (links, the API reference) and the integration tests (the pages' commands).</remarks>
internal static class DocsPages
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .Build();

    /// <summary>Every page's path relative to the repository root, with '/' between folders.</summary>
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Path.Combine(Checkout.Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Checkout.Root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Prepend("README.md")
            .Order(StringComparer.Ordinal);

    public static MarkdownDocument Parse(string page) => Markdown.Parse(File.ReadAllText(Path.Combine(Checkout.Root, page)), Pipeline);

    /// <summary>The anchors GitHub gives the page's headings.</summary>
    public static HashSet<string> Anchors(string page) =>
        [.. Parse(page).Descendants<HeadingBlock>().Select(heading => heading.GetAttributes().Id!)];
}
