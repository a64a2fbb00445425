using System.Text.RegularExpressions;

namespace Orleans.Faas.Client;

/// <summary>The RFC 8288 <c>Link</c> with <c>rel="next"</c> a paged answer carries while more pages follow.</summary>
internal static partial class NextLink
{
    public static string? Of(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var links)
            ? links.SelectMany(l => l.Split(',')).Select(l => Next().Match(l)).FirstOrDefault(m => m.Success)?.Groups["target"].Value
            : null;

    [GeneratedRegex("""^\s*<(?<target>[^>]*)>\s*;(?:.*;)?\s*rel\s*=\s*"?next"?\s*(?:;.*)?$""")]
    private static partial Regex Next();
}
