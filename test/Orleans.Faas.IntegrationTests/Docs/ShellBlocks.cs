using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace Orleans.Faas.IntegrationTests.Docs;

/// <summary>
/// The shell blocks of a page (fenced <c>sh</c> or <c>bash</c>), in order. A block that a test cannot run has an HTML
/// comment right above it: <c>&lt;!-- not run by the docs test: REASON --&gt;</c>.
/// </summary>
public static partial class ShellBlocks
{
    /// <param name="Line">Its first line in the page, 1-based, for messages.</param>
    /// <param name="NotRunBecause">The reason its mark gives, or null when it is run.</param>
    public sealed record Block(int Line, string Text, string? NotRunBecause);

    public static List<Block> Of(string page) =>
        [.. DocsPages.Parse(page).Descendants<FencedCodeBlock>()
            .Where(block => block.Info is "sh" or "bash")
            .Select(block => new Block(block.Line + 1, block.Lines.ToString(), NotRunBecause(block)))];

    private static string? NotRunBecause(FencedCodeBlock block)
    {
        var parent = block.Parent!;
        var index = parent.IndexOf(block);
        if (index == 0 || parent[index - 1] is not HtmlBlock { Type: HtmlBlockType.Comment } comment)
            return null;
        var mark = Mark().Match(comment.Lines.ToString());
        return mark.Success ? mark.Groups["reason"].Value.Trim() : null;
    }

    [GeneratedRegex(@"^<!-- not run by the docs test: (?<reason>.+?)-->", RegexOptions.Singleline)]
    private static partial Regex Mark();
}
