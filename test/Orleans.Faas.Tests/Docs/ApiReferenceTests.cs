using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Orleans.Faas.Gateway.Hosting;

namespace Orleans.Faas.Tests.Docs;

/// <summary>Every route the gateway maps is a row of the API reference: method, and a path its template matches.</summary>
public sealed partial class ApiReferenceTests
{
    private const string Reference = "docs/reference/http-api.md";

    [Fact]
    public async Task Every_route_of_the_gateway_is_in_the_api_reference()
    {
        await using var gateway = MappedGateway();
        var routes = ((IEndpointRouteBuilder)gateway).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (Method: method, Template: Template(endpoint.RoutePattern), Name: endpoint.DisplayName)))
            .Distinct()
            .ToList();
        var rows = ReferenceRows();

        var missing = routes.Where(route => !rows.Any(row => row.Methods.Contains(route.Method) && Matches(route.Template, row.Path))).ToList();

        Assert.True(routes.Count > 40, $"Only {routes.Count} routes were found; the gateway was not mapped as a silo maps it.");
        Assert.True(missing.Count == 0, $"Routes missing from {Reference}: " + string.Join(", ", missing.Select(r => $"{r.Method} {r.Template} ({r.Name})")));
    }

    /// <summary>The gateway as its own program maps it (the silo maps the same), built but never started.</summary>
    private static WebApplication MappedGateway()
    {
        // Named as the gateway's program, so that its static assets' manifest (the dashboard's files) is the one read.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "Orleans.Faas.Gateway" });
        // Port 0: the start-up check for a taken port has nothing to find, whatever listens on the default.
        builder.Configuration["Faas:Gateway:Url"] = "http://127.0.0.1:0";
        return StandaloneGateway.Build(builder).App;
    }

    /// <summary>The methods (one, or several separated by commas) and path of each row of the reference's tables: its first two cells.</summary>
    private static List<(string[] Methods, string Path)> ReferenceRows() =>
        [.. DocsPages.Parse(Reference).Descendants<TableRow>().Where(row => !row.IsHeader && row.Count >= 2)
            .Select(row => (Methods: Text(row[0]).Split(',', StringSplitOptions.TrimEntries), Path: Text(row[1])))];

    private static string Text(Block cell) => string.Concat(cell.Descendants<LiteralInline>().Select(l => l.Content.ToString()).Concat(cell.Descendants<CodeInline>().Select(c => c.Content))).Trim();

    private static string Template(RoutePattern pattern) => "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternSeparatorPart separator => separator.Content,
        _ => "",
    }))));

    /// <summary>
    /// A documented path matches a template when each parameter of either stands for one path segment's text: a
    /// template's parameter for any documented text, a documented parameter for any one file a template names (the
    /// dashboard's static files, whose names carry their content's hash).
    /// </summary>
    private static bool Matches(string template, string documented) =>
        Pattern(template).IsMatch(Parameter().Replace(documented, "x")) || Pattern(documented).IsMatch(template);

    private static Regex Pattern(string path) => new("^" + Parameter().Replace(Regex.Escape(path), "[^/]+") + "$");

    [GeneratedRegex(@"\\?\{[^}/]+}")]
    private static partial Regex Parameter();
}
