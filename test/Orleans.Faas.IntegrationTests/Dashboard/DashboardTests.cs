using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Dashboard;

/// <summary>The dashboard at /ui in a real headless chromium, against a real silo that ran real tasks.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class DashboardTests(DashboardFixture dashboard)
{
    [Fact]
    public async Task The_framework_script_is_served_from_the_build_output()
    {
        using var response = await dashboard.Admin.GetAsync("/_framework/blazor.web.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 10_000, "blazor.web.js is empty");
    }

    [Fact]
    public async Task The_cluster_page_shows_the_provider_and_follows_a_drain_clicked_there_as_the_API_does()
    {
        var page = await dashboard.SignedIn(dashboard.AdminKey);
        var row = page.Locator($"#providers tr[data-provider='{dashboard.Silo.Name}']");
        await Expect(row).ToContainTextAsync("READY");
        await Expect(row).ToContainTextAsync("process");
        await DashboardFixture.Screenshot(page, "cluster");
        try
        {
            await row.GetByRole(AriaRole.Button, new() { Name = "Drain" }).ClickAsync();

            await Expect(row).ToContainTextAsync("DRAINING");
            Assert.Equal("DRAINING", await dashboard.ProviderStatus());
            await row.GetByRole(AriaRole.Button, new() { Name = "Undrain" }).ClickAsync();
            await Expect(row).ToContainTextAsync("READY");
            Assert.Equal("READY", await dashboard.ProviderStatus());
        }
        finally
        {
            (await dashboard.Admin.PostAsync($"/v1/providers/{dashboard.Silo.Name}/undrain", null)).Dispose();
        }
    }

    [Fact]
    public async Task The_task_list_follows_new_tasks_without_a_reload_and_filters_by_function()
    {
        var page = await dashboard.SignedIn(dashboard.AdminKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "Tasks" }).ClickAsync();
        await Expect(page.Locator("#tasks")).ToContainTextAsync(dashboard.Function);

        var other = UniqueName("other");
        await dashboard.Admin.RegisterOk(Cat(other));
        using (var response = await dashboard.Admin.InvokeSync(other, "late"))
            Assert.True(response.IsSuccessStatusCode, await Describe(response));

        await Expect(page.Locator("#tasks")).ToContainTextAsync(other);
        await page.Locator("#filter-function").FillAsync(dashboard.Function);
        await Expect(page.Locator("#tasks")).Not.ToContainTextAsync(other);
        await Expect(page.Locator("#tasks tbody tr")).ToHaveCountAsync(3);
        await DashboardFixture.Screenshot(page, "tasks");
    }

    [Fact]
    public async Task A_task_s_page_shows_its_placement_beside_what_happened_and_its_logs()
    {
        var page = await dashboard.SignedIn(dashboard.AdminKey);
        await page.GotoAsync($"/ui/tasks/{dashboard.TaskId}");

        await Expect(page.Locator("#placement-provider")).ToHaveTextAsync(dashboard.Silo.Name);
        await Expect(page.Locator("#placement-policy")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#task-status")).ToHaveTextAsync("COMPLETED");
        await Expect(page.Locator("#logs")).ToContainTextAsync(DashboardFixture.LogLine);
        await Expect(page.Locator("#output")).ToHaveTextAsync("cccc");
        await Expect(page.Locator("#cancel")).ToHaveCountAsync(0);
        await DashboardFixture.Screenshot(page, "task");
    }

    [Fact]
    public async Task What_a_function_writes_is_shown_as_text_and_never_becomes_markup()
    {
        const string Markup = "<script>window.injected = 1</script><img src=x onerror=\"window.injected = 2\"><b id=injected>bold</b>";
        var name = UniqueName("markup");
        await dashboard.Admin.RegisterOk(new { name, runtime = "process", command = new[] { "/bin/sh", "-c", $"printf '%s' '{Markup}'; printf '%s' '{Markup}' >&2" } });
        using var response = await dashboard.Admin.InvokeSync(name, "");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        var taskId = response.Headers.GetValues("X-Faas-Task-Id").Single();

        var page = await dashboard.SignedIn(dashboard.AdminKey);
        await page.GotoAsync($"/ui/tasks/{taskId}");

        await Expect(page.Locator("#output")).ToHaveTextAsync(Markup);
        await Expect(page.Locator("#logs")).ToContainTextAsync(Markup);
        Assert.Equal(0, await page.Locator("#injected, main script, main img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.injected === undefined"));
    }

    [Fact]
    public async Task Without_a_key_the_browser_lands_on_sign_in_and_the_key_stays_in_an_http_only_strict_cookie()
    {
        var page = await dashboard.NewPage();
        await page.GotoAsync("/ui/tasks");
        await Expect(page).ToHaveURLAsync(SignInUrl());
        await DashboardFixture.Screenshot(page, "signin");

        await page.Locator("#key").FillAsync("not-a-key-of-this-gateway-000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("does not know this key");
        await Expect(page.Locator("#key")).ToHaveValueAsync("");

        await page.Locator("#key").FillAsync(dashboard.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/ui/tasks$"));
        await Expect(page.Locator("#tasks")).ToContainTextAsync(dashboard.Function);

        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "faas-dashboard");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(dashboard.AdminKey, cookie.Value);
        Assert.DoesNotContain(dashboard.AdminKey, page.Url);
        Assert.DoesNotContain(dashboard.AdminKey, await page.ContentAsync());
        Assert.Equal("", await page.EvaluateAsync<string>("() => document.cookie + JSON.stringify(localStorage).replace('{}', '') + JSON.stringify(sessionStorage).replace('{}', '')"));
        Assert.DoesNotContain(dashboard.AdminKey, await File.ReadAllTextAsync(dashboard.Silo.LogPath));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(SignInUrl());
        await page.GotoAsync("/ui");
        await Expect(page).ToHaveURLAsync(SignInUrl());
    }

    [Fact]
    public async Task An_invoker_is_offered_no_admin_action_and_the_API_refuses_one_it_forges()
    {
        var key = await dashboard.Key("invoker");
        var page = await dashboard.SignedIn(key);

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Invoker");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Drain" }).CountAsync());
        await page.GotoAsync($"/ui/tasks/{dashboard.TaskId}");
        await Expect(page.Locator("#placement-provider")).ToHaveTextAsync(dashboard.Silo.Name);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button).Filter(new() { HasTextRegex = new Regex("Drain|Undrain|Make reference|Cancel|Start") }).CountAsync());
        await DashboardFixture.Screenshot(page, "task-invoker");

        using var forged = new HttpRequestMessage(HttpMethod.Post, $"/v1/providers/{dashboard.Silo.Name}/drain");
        forged.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var refused = await dashboard.Admin.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("READY", await dashboard.ProviderStatus());
    }

    [GeneratedRegex("/ui/signin")]
    private static partial Regex SignInUrl();
}
