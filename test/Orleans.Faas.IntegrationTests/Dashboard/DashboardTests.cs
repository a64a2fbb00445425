using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
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
        var warm = UniqueName("warm");
        await dashboard.Admin.RegisterOk(Hello(warm));
        using (var response = await dashboard.Admin.InvokeSync(warm, "Ada"))
            Assert.True(response.IsSuccessStatusCode, await Describe(response));
        // The container it ran in waits warm for the next invocation; the page and the API count it.
        await Expect(row.Locator(".idle-warm")).ToHaveTextAsync(new Regex("^[1-9]"));
        Assert.True((await dashboard.Admin.GetFromJsonAsync<JsonObject>($"/v1/providers/{dashboard.Silo.Name}"))!["idleWarm"]!.GetValue<int>() >= 1);
        // Its keep-alive decision, asked of the node's worker: one run shows no idle time yet, so the fixed keep-alive holds.
        var keepAlive = page.Locator($"#keep-alive tr[data-provider='{dashboard.Silo.Name}'][data-function='{warm}']");
        await Expect(keepAlive.Locator(".basis")).ToHaveTextAsync("TOO_FEW_IDLE_TIMES");
        await Expect(keepAlive.Locator(".prewarm")).ToHaveTextAsync("none");
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
    public async Task A_running_task_is_in_the_list_while_it_runs_and_the_status_filter_keeps_it()
    {
        var (sleeper, taskId) = await dashboard.StartSleeper();
        try
        {
            var page = await dashboard.SignedIn(dashboard.AdminKey);
            await page.GotoAsync("/ui/tasks");
            await page.Locator("#filter-status").SelectOptionAsync("Running");

            var row = page.Locator("#tasks tbody tr", new() { HasText = sleeper });
            await Expect(row).ToContainTextAsync("RUNNING");
            await Expect(row).ToContainTextAsync(dashboard.Silo.Name);
            await Expect(row.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/ui/tasks/{taskId}");
            await Expect(page.Locator("#tasks")).Not.ToContainTextAsync(dashboard.Function);
            await DashboardFixture.Screenshot(page, "tasks-running");
            await page.Locator("#filter-status").SelectOptionAsync("Completed");
            await Expect(page.Locator("#tasks")).ToContainTextAsync(dashboard.Function);
            await Expect(page.Locator("#tasks")).Not.ToContainTextAsync(sleeper);
        }
        finally
        {
            (await dashboard.Admin.PostAsync($"/v1/tasks/{taskId}/cancel", null)).Dispose();
        }
    }

    [Fact]
    public async Task A_function_s_page_lists_its_versions_newest_first()
    {
        var name = UniqueName("versioned");
        await dashboard.Admin.RegisterOk(Cat(name));
        await dashboard.Admin.RegisterOk(new { name, runtime = "process", command = new[] { "/usr/bin/tr", "a-z", "A-Z" } });

        var page = await dashboard.SignedIn(dashboard.AdminKey);
        await page.GotoAsync($"/ui/functions/{name}");

        var rows = page.Locator("#versions tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToHaveAttributeAsync("data-version", "2");
        await Expect(rows.First).ToContainTextAsync("/usr/bin/tr a-z A-Z");
        await Expect(rows.Last).ToContainTextAsync("/bin/cat");
        await Expect(page.Locator("#function-version")).ToHaveTextAsync("2");
        await DashboardFixture.Screenshot(page, "function-versions");
        // The API answers the same, and a function that is not there is not found.
        var versions = (await dashboard.Admin.GetFromJsonAsync<JsonArray>($"/v1/functions/{name}/versions"))!;
        Assert.Equal([2, 1], versions.Select(v => v!["version"]!.GetValue<int>()));
        await (await dashboard.Admin.GetAsync($"/v1/functions/{UniqueName("nobody")}/versions")).AssertProblem(HttpStatusCode.NotFound);
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
        var traceId = (await dashboard.Admin.GetFromJsonAsync<JsonObject>($"/v1/tasks/{dashboard.TaskId}"))!["traceId"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        await Expect(page.Locator("#task-trace")).ToHaveTextAsync(traceId);
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
        await NoMarkupWasInjected(page);
        await page.GotoAsync($"/ui/functions/{name}");
        await Expect(page.Locator("#definition")).ToContainTextAsync("<script>window.injected = 1</script>");
        await NoMarkupWasInjected(page);
        // A name cannot carry markup at all: the API takes none.
        await (await dashboard.Admin.PostAsJsonAsync("/v1/functions", new { name = "<script>", runtime = "process", command = new[] { "/bin/cat" } })).AssertProblem(HttpStatusCode.BadRequest);
    }

    private static async Task NoMarkupWasInjected(IPage page)
    {
        Assert.Equal(0, await page.Locator("#injected, main script, main img:not(.chart)").CountAsync());
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

    [Fact]
    public async Task The_functions_pages_show_the_definition_the_profile_chart_and_where_a_typed_size_would_finish()
    {
        var page = await dashboard.SignedIn(dashboard.AdminKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "Functions" }).ClickAsync();
        await Expect(page.Locator("#functions")).ToContainTextAsync(dashboard.Function);
        await DashboardFixture.Screenshot(page, "functions");

        await page.GetByRole(AriaRole.Link, new() { Name = dashboard.Function }).ClickAsync();
        await Expect(page.Locator("#definition")).ToContainTextAsync(DashboardFixture.LogLine);
        // A node reports what its runs took every five seconds.
        await Expect(page.Locator("#profile tbody tr")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        await Expect(page.Locator("#profile-chart")).ToHaveAttributeAsync("src", new Regex("^data:image/svg\\+xml;base64,"));
        await Expect(page.Locator("#predictions")).ToContainTextAsync(dashboard.Silo.Name);

        await page.Locator("#predict-size").FillAsync("123456");
        await page.Locator("#predict-size").BlurAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("for an input of size 123456");
        await DashboardFixture.Screenshot(page, "function");
    }

    [Fact]
    public async Task The_models_page_shows_a_trained_version_against_linear_and_training_asked_for_there()
    {
        var name = UniqueName("modelled");
        await dashboard.Admin.RegisterOk(Cat(name));
        // Cross-validation needs twenty rows at least.
        for (var i = 1; i <= 24; i++)
        {
            using var response = await dashboard.Admin.InvokeSync(name, new string('x', 200 * i));
            Assert.True(response.IsSuccessStatusCode, await Describe(response));
        }
        var page = await dashboard.SignedIn(dashboard.AdminKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "Models" }).ClickAsync();
        await Expect(page.Locator("#predicted-vs-actual")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Train now" }).ClickAsync();

        await Expect(page.Locator("#model-versions tbody tr").First).ToContainTextAsync("v", new() { Timeout = 90_000 });
        await Expect(page.Locator("main")).ToContainTextAsync("Training: idle, last", new() { Timeout = 90_000 });
        await DashboardFixture.Screenshot(page, "models");
    }

    [Fact]
    public async Task The_jobs_page_follows_a_benchmark_started_there_a_batch_and_a_chain_run()
    {
        var step = UniqueName("step");
        await dashboard.Admin.RegisterOk(Cat(step));
        var chain = UniqueName("chain");
        using (var defined = await dashboard.Admin.PostAsJsonAsync("/v1/chains", new { name = chain, steps = new[] { step, step } }))
            Assert.True(defined.StatusCode == HttpStatusCode.Created, await Describe(defined));
        using var run = await dashboard.Admin.PostAsync($"/v1/chains/{chain}/runs", new StringContent("step"));
        var runId = (await run.Json())["runId"]!.GetValue<string>();
        using var batch = await dashboard.Admin.PostAsJsonAsync($"/v1/functions/{step}/batches", new[] { "one", "two", "three" });
        var batchId = (await batch.Json())["batchId"]!.GetValue<string>();

        var page = await dashboard.SignedIn(dashboard.AdminKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "Benchmarks, batches, chains" }).ClickAsync();
        await Expect(page.Locator("#chains")).ToContainTextAsync(chain);
        await page.Locator("#batch-id").FillAsync(batchId);
        await page.Locator("#chain-name").FillAsync(chain);
        await page.Locator("#run-id").FillAsync(runId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Follow" }).ClickAsync();
        await Expect(page.Locator("#batch")).ToContainTextAsync("3 / 3");
        await Expect(page.Locator("#chain-run tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#chain-run")).Not.ToContainTextAsync("RUNNING");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start a provider benchmark" }).ClickAsync();
        var job = page.Locator("#benchmarks tbody tr").First;
        await Expect(job).ToContainTextAsync("PROVIDERS");
        await DashboardFixture.Screenshot(page, "jobs");
        var jobId = await job.GetAttributeAsync("data-job");
        (await dashboard.Admin.PostAsync($"/v1/benchmarks/{jobId}/cancel", null)).Dispose();
        await Expect(job).ToContainTextAsync(new Regex("FINISHED|FAILED"), new() { Timeout = 60_000 });
    }

    [GeneratedRegex("/ui/signin")]
    private static partial Regex SignInUrl();
}
