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
                .Select(method => (Method: method, Template: Template(endpoint.RoutePattern))))
            .Distinct()
            .ToList();
        var rows = ReferenceRows();

        var missing = routes.Where(route => !rows.Any(row => row.Method == route.Method && Matches(route.Template, row.Path))).ToList();

        Assert.True(routes.Count > 40, $"Only {routes.Count} routes were found; the gateway was not mapped as a silo maps it.");
        Assert.True(missing.Count == 0, $"Routes missing from {Reference}: " + string.Join(", ", missing.Select(r => $"{r.Method} {r.Template}")));
    }

    /// <summary>The gateway as its own program maps it (the silo maps the same), built but never started.</summary>
    private static WebApplication MappedGateway()
    {
        var builder = WebApplication.CreateBuilder();
        // Port 0: the start-up check for a taken port has nothing to find, whatever listens on the default.
        builder.Configuration["Faas:Gateway:Url"] = "http://127.0.0.1:0";
        return StandaloneGateway.Build(builder).App;
    }

    /// <summary>The method and path of each row of the reference's tables: its first two cells.</summary>
    private static List<(string Method, string Path)> ReferenceRows() =>
        [.. DocsPages.Parse(Reference).Descendants<TableRow>().Where(row => !row.IsHeader && row.Count >= 2)
            .Select(row => (Method: Text(row[0]), Path: Text(row[1])))];

    private static string Text(Block cell) => string.Concat(cell.Descendants<LiteralInline>().Select(l => l.Content.ToString()).Concat(cell.Descendants<CodeInline>().Select(c => c.Content))).Trim();

    private static string Template(RoutePattern pattern) => "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternSeparatorPart separator => separator.Content,
        _ => "",
    }))));

    /// <summary>A documented path matches a template when each parameter of either stands for one path segment's text.</summary>
    private static bool Matches(string template, string documented) =>
        new Regex("^" + Parameter().Replace(Regex.Escape(template), "[^/]+") + "$").IsMatch(Parameter().Replace(documented, "x"));

    [GeneratedRegex(@"\\?\{[^}/]+}")]
    private static partial Regex Parameter();
}
