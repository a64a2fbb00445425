using System.Net;
using Microsoft.AspNetCore.Http;
using Orleans.Faas.Dashboard.SignIn;

namespace Orleans.Faas.Tests.Dashboard;

public sealed class OwnCallsTests
{
    [Fact]
    public void Only_a_call_this_process_marked_is_the_dashboard_s_own_and_it_names_the_browser_it_signs_in()
    {
        var own = new OwnCalls();
        using var marked = new HttpRequestMessage();
        own.Mark(marked.Headers, IPAddress.Parse("10.1.2.3"));
        var request = Received(marked);

        Assert.True(own.IsOwn(request));
        Assert.Equal("10.1.2.3", OwnCalls.BrowserOf(request));
        Assert.False(new OwnCalls().IsOwn(request), "Another process's mark is not this one's.");
        var forged = new DefaultHttpContext().Request;
        forged.Headers[OwnCalls.Header] = "00";
        Assert.False(own.IsOwn(forged));
        Assert.False(own.IsOwn(new DefaultHttpContext().Request));
    }

    [Fact]
    public void A_page_s_call_names_no_browser()
    {
        var own = new OwnCalls();
        using var marked = new HttpRequestMessage();
        own.Mark(marked.Headers, null);
        var request = Received(marked);

        Assert.True(own.IsOwn(request));
        Assert.Null(OwnCalls.BrowserOf(request));
    }

    private static HttpRequest Received(HttpRequestMessage sent)
    {
        var request = new DefaultHttpContext().Request;
        foreach (var (name, values) in sent.Headers)
            request.Headers[name] = values.ToArray();
        return request;
    }
}
