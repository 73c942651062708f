using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using ReformTrack.Testing;

namespace ReformTrack.BrowserTests;

/// <summary>ReformTrack on a real Kestrel port on loopback, with the demo data, for a real browser.</summary>
public sealed class BrowserApp : ReformTrackApp
{
    public BrowserApp()
        : base(new SqliteTestDatabase(), seedDemo: true) =>
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    public string BaseUrl
    {
        get
        {
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Static web assets (MudBlazor's, blazor.web.js) are resolved from the build output as in development.
        builder.UseEnvironment("Development");
        builder.UseSetting("Seed:Demo", "true");
        // Every test signs in from the same address; the per-minute limit is tested on its own.
        builder.UseSetting("Accounts:SignInsPerMinute", "10000");
        // The fake clock's date, but real timers: the pages' debounced search boxes wait on them.
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FrozenDateClock(Clock));
        });
    }
}

/// <summary>
/// One app and one Debian chromium shared by the browser tests. When chromium is not on this
/// machine the tests report themselves skipped with the reason; scripts/test installs it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public BrowserApp App { get; } = new();
    public IBrowser? Browser { get; private set; }
    public string? Unavailable { get; private set; }

    public static string ArtifactsDirectory { get; } =
        Path.Combine(AppContext.BaseDirectory, "artifacts");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("REFORMTRACK_TEST_CHROMIUM") is { Length: > 0 } configured
            ? configured
            : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Unavailable = $"Chromium is not installed at {chromium} (scripts/test installs Debian's chromium).";
            return;
        }

        Directory.CreateDirectory(ArtifactsDirectory);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context (its own cookies), signed in as the administrator, at <paramref name="path"/>.</summary>
    public Task<IPage> OpenAsync(string path = "/") => OpenAsAsync(null, path);

    /// <summary>A fresh browser context signed in through the sign-in page as <paramref name="user"/>, at <paramref name="path"/>.</summary>
    public async Task<IPage> OpenAsAsync(TestUser? user, string path = "/")
    {
        var page = await OpenAnonymousAsync($"/account/sign-in?ReturnUrl={Uri.EscapeDataString(path)}");
        await SignInAsync(page, user ?? App.Admin);
        return page;
    }

    /// <summary>Fills in and sends the sign-in form, then waits to leave the sign-in page.</summary>
    public static async Task SignInAsync(IPage page, TestUser user)
    {
        await page.Locator("#sign-in-email").FillAsync(user.Email);
        await page.Locator("#sign-in-password").FillAsync(user.Password);
        await page.Locator("#sign-in-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
    }

    /// <summary>A fresh browser context (its own cookies), not signed in, at <paramref name="path"/>.</summary>
    public async Task<IPage> OpenAnonymousAsync(string path)
    {
        Skip.If(Unavailable is not null, Unavailable);
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>
    /// For waiting on Blazor's enhanced navigation: the address changes without a load event, so
    /// the wait ends when the new address is committed.
    /// </summary>
    public static PageWaitForURLOptions SameDocument { get; } = new() { WaitUntil = WaitUntilState.Commit };

    /// <summary>
    /// Picks an entry from a searched autocomplete the way a person does: click the box, type the
    /// search key by key, then click the match.
    /// </summary>
    public static async Task ChooseAsync(IPage page, string inputSelector, string typed, string option)
    {
        var input = await TypeSearchAsync(page, inputSelector, typed);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "false");
    }

    /// <summary>
    /// Clicks a searched autocomplete, waits for its list to open (the click selects the box's text,
    /// so a key typed before would be replaced), clears it and types <paramref name="typed"/> key by key.
    /// </summary>
    public static async Task<ILocator> TypeSearchAsync(IPage page, string inputSelector, string typed)
    {
        var input = page.Locator(inputSelector);
        await input.ClickAsync();
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "true");
        await input.FillAsync("");
        await input.PressSequentiallyAsync(typed, new() { Delay = 30 });
        return input;
    }

    /// <summary>Waits until the page's Blazor circuit is connected, so clicks reach the server.</summary>
    public static async Task WaitForInteractivityAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('[data-interactive=\"true\"]') !== null");

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
