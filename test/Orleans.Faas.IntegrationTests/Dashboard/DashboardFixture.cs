using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Orleans.Faas.IntegrationTests.Hosting;
using Orleans.Faas.IntegrationTests.Monitoring;
using static Microsoft.Playwright.Assertions;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Dashboard;

/// <summary>
/// A keyed embedded silo on the test dockerd whose process runtime has run real tasks, its dashboard at /ui, and Debian's chromium driven
/// by Playwright (it cannot download browsers here, so it is given the executable's path).
/// </summary>
public sealed partial class DashboardFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>What the seeded function writes to its standard error, for the task page's logs.</summary>
    public const string LogLine = "dashboard log line";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private FaasProcess? _silo;
    private OtlpReceiver? _traces;

    public string AdminKey { get; } = $"dashboard-admin-{Guid.NewGuid():N}";

    public FaasProcess Silo => _silo ?? throw new InvalidOperationException("The silo has not started.");

    /// <summary>Sends the admin key.</summary>
    public HttpClient Admin => Silo.Http;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>A function of the process runtime that echoes its input and logs a line.</summary>
    public string Function { get; } = UniqueName("dash");

    /// <summary>A task of <see cref="Function"/> that completed.</summary>
    public string TaskId { get; private set; } = "";

    /// <summary>Where each page's screenshot is written: test output, and the README's pictures.</summary>
    public static string Screenshots => Path.Combine(TestEnvironment.WorkFolder, "screenshots");

    public async Task InitializeAsync()
    {
        // Traces exported, so that a task has a trace id to show.
        _traces = await OtlpReceiver.Start();
        // With the test dockerd: a provider benchmark measures containers.
        _silo = await FaasProcess.StartSilo(SiloPorts.For("dashboard"), new Dictionary<string, string>
        {
            [FaasProcess.AdminKeySetting] = AdminKey,
            ["Faas__Docker__Endpoint"] = TestEnvironment.DockerEndpoint,
            ["Faas__Telemetry__Otlp__Endpoint"] = _traces.Endpoint.ToString(),
        });
        await Admin.RegisterOk(new { name = Function, runtime = "process", command = new[] { "/bin/sh", "-c", $"cat; echo '{LogLine}' >&2" } });
        foreach (var input in new[] { "a", "bb", "cccc" })
        {
            using var response = await Admin.InvokeSync(Function, input);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
            TaskId = response.Headers.GetValues("X-Faas-Task-Id").Single();
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
        Directory.CreateDirectory(Screenshots);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_silo is not null)
            await _silo.DisposeAsync();
        if (_traces is not null)
            await _traces.DisposeAsync();
    }

    /// <summary>A browser of its own (cookies and all), addressed at the silo's gateway.</summary>
    public async Task<IPage> NewPage()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Silo.GatewayUrl.ToString(), ViewportSize = new() { Width = 1400, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A new browser signed in to the dashboard with <paramref name="key"/> through its sign-in form: at /ui, with the
    /// signed-in shell shown. Asked of the page as a user sees it, not of Playwright's load states: on a busy machine its
    /// wait for /ui (WaitForURLAsync) sometimes missed the load event the page itself reported, and timed out after 30 s
    /// with the page long since up. Should signing in fail, the page's events say what it did.
    /// </summary>
    public async Task<IPage> SignedIn(string key)
    {
        var page = await NewPage();
        var events = PageEvents.Of(page);
        await page.GotoAsync("/ui/signin");
        await page.Locator("#key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            await Expect(page).ToHaveURLAsync(AtUi());
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            throw new TimeoutException($"Signing in did not show the dashboard at /ui (the page is at {page.Url}). What the page did:\n{events}", e);
        }
        return page;
    }

    /// <summary>The dashboard's first page, /ui, with no query.</summary>
    [GeneratedRegex("^https?://[^/]+/ui$")]
    private static partial Regex AtUi();

    /// <summary>A key of another role, in the default namespace.</summary>
    public async Task<string> Key(string role)
    {
        using var response = await Admin.PostAsJsonAsync("/v1/keys", new { name = $"dashboard-{role}", role, namespaces = new[] { "default" } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await Describe(response));
        return (await response.Json())["key"]!.GetValue<string>();
    }

    /// <summary>Writes what the page shows as a PNG under <see cref="Screenshots"/>.</summary>
    public static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = true });

    /// <summary>Registers a process function that sleeps a minute and starts it; the caller cancels the task.</summary>
    public async Task<(string Function, string TaskId)> StartSleeper()
    {
        var name = UniqueName("sleeper");
        await Admin.RegisterOk(new { name, runtime = "process", command = new[] { "/bin/sleep", "60" }, timeoutSeconds = 90 });
        using var accepted = await Admin.InvokeAsync(name, "");
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await Describe(accepted));
        return (name, (await accepted.Json())["taskId"]!.GetValue<string>());
    }

    public async Task<string> ProviderStatus() =>
        (await Admin.GetFromJsonAsync<JsonObject>($"/v1/providers/{Silo.Name}"))!["status"]!.GetValue<string>();
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
