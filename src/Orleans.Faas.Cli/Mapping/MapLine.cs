using System.Text;

namespace Orleans.Faas.Cli.Mapping;

/// <summary>One input line's outcome as <c>--output json</c> writes it: one JSON object per line.</summary>
/// <param name="Line">The input's line number, from 1.</param>
internal sealed record MapLine(int Line, string? Output, string? Error)
{
    public static MapLine Of(MapResult result) => result.Succeeded
        ? new(result.Index + 1, Encoding.UTF8.GetString(result.Output.Span), null)
        : new(result.Index + 1, null, ErrorReport.Describe(result.Error!));
}
