using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Orleans.Faas.IntegrationTests.Dashboard;

/// <summary>
/// Keys refused at the dashboard's sign-in count against the browser's address, not against the gateway's own loopback
/// address that the dashboard checks them from: a browser typing wrong keys locks out itself, never the CLI beside the gateway.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class SignInLimitTests(DashboardFixture dashboard)
{
    private const string TooMany = "Too many keys were refused from here";

    [Fact]
    public async Task Wrong_keys_at_sign_in_use_up_the_browser_s_own_attempts_and_a_loopback_client_is_still_served()
    {
        // A browser on another machine, as the gateway sees it: the same loopback port, reached from 127.0.0.2.
        using var elsewhere = Browser(IPAddress.Parse("127.0.0.2"));
        var answers = new List<string>();
        while (answers.Count < 100 && !answers.LastOrDefault("").Contains(TooMany, StringComparison.Ordinal))
            answers.Add(await SignIn(elsewhere, $"wrong-key-{answers.Count:D4}-of-this-gateway-0000"));

        Assert.Contains(TooMany, answers[^1]);
        Assert.Contains("does not know this key", answers[0]);
        // The sign-in stays limited for that browser, even with the right key.
        Assert.Contains(TooMany, await SignIn(elsewhere, dashboard.AdminKey));

        // The CLI's and the API's clients on the gateway's host are served, and hear of a wrong key as such.
        using (var caller = await dashboard.Admin.GetAsync("/v1/caller"))
            Assert.Equal(HttpStatusCode.OK, caller.StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/v1/caller") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "wrong-key-of-a-cli-0000") } };
        using (var refused = await dashboard.Admin.SendAsync(wrong))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        // So is a browser on the gateway's host: its sign-in goes through.
        using var here = Browser(IPAddress.Loopback);
        Assert.Equal("", await SignIn(here, dashboard.AdminKey));
    }

    /// <summary>A client that connects from <paramref name="from"/> and keeps its cookies, as a browser does.</summary>
    private HttpClient Browser(IPAddress from) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        CookieContainer = new CookieContainer(),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(from, 0));
                await socket.ConnectAsync(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = dashboard.Silo.GatewayUrl };

    /// <summary>Fills in and sends the sign-in form; returns the page's alert, or "" when it signed in (a redirect).</summary>
    private static async Task<string> SignIn(HttpClient browser, string key)
    {
        var form = await browser.GetStringAsync("/ui/signin");
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Form.Key"] = key;
        using var answer = await browser.PostAsync("/ui/signin", new FormUrlEncodedContent(fields));
        if (answer.StatusCode == HttpStatusCode.Redirect)
            return "";
        var page = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, page);
        return Alert().Match(page) is { Success: true } alert ? WebUtility.HtmlDecode(alert.Groups[1].Value) : page;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<p class=\"error\" role=\"alert\">([^<]*)</p>")]
    private static partial Regex Alert();
}
