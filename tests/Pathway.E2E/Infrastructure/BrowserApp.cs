using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using Pathway.Data.Entities;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Infrastructure;

/// <summary>
/// The real app on a real 127.0.0.1 port (Kestrel, SQLite in a temp file, environment "Testing" so two-factor sign-in is
/// enforced) with a <see cref="TestWorld"/>, and one headless Chromium. One app and browser serve every test class of the
/// assembly (classes still run side by side): starting them, and signing each role in, is done once per run, not once
/// per class. A class whose tests would disturb others (sign-in codes, rate limits) uses <see cref="IsolatedBrowserApp"/>,
/// which starts its own. Each test gets its own browser context, so cookies never leak between tests; a role's signed-in
/// session is made once, through the real sign-in pages, and reused.
/// </summary>
public class BrowserApp : IAsyncLifetime
{
    private static readonly Lazy<Task<BrowserHost>> Shared = new(StartSharedAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private BrowserHost _host = null!;

    /// <summary>Whether this fixture has an app and browser of its own rather than the assembly's shared one.</summary>
    protected virtual bool Isolated => false;

    /// <summary>Settings for an isolated app on top of the test app's (for example, the outbox running in the background).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public TestWorld World => _host.World;
    public string BaseUrl => _host.BaseUrl;
    public IBrowser Browser => _host.Browser;

    /// <summary>Screenshots go beside the test assembly, in <c>screenshots/</c>.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync() => _host = Isolated ? await BrowserHost.StartAsync(Settings) : await Shared.Value;

    public async Task DisposeAsync()
    {
        if (Isolated) await _host.DisposeAsync(); // the shared host lives until the test run ends
    }

    private static async Task<BrowserHost> StartSharedAsync()
    {
        var host = await BrowserHost.StartAsync(new Dictionary<string, string>());
        // Close the browser and stop the app when the test process ends, so no Chromium outlives the run.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => host.DisposeAsync().GetAwaiter().GetResult();
        return host;
    }

    /// <summary>A fresh page in its own context: anonymous, or signed in as <paramref name="role"/> with two-factor.</summary>
    public Task<IPage> NewPageAsync(StaffRole? role = null, bool javaScript = true) => _host.NewPageAsync(role, javaScript);

    /// <summary>A staff member in a case-data role who has never set up an authenticator app.</summary>
    public Task<StaffUser> CreateUserWithoutTwoFactorAsync(StaffRole role, string displayName) => _host.CreateUserWithoutTwoFactorAsync(role, displayName);

    /// <summary>A member of staff of <paramref name="role"/> in <paramref name="teamId"/>, with the world's authenticator key, who signs in like the world's people.</summary>
    public Task<StaffUser> CreateStaffAsync(StaffRole role, Guid? teamId, string displayName) => _host.CreateStaffAsync(role, teamId, displayName);

    /// <summary>The running app's services (to reach what a test arranges or checks beside the pages).</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Works on the app's database directly (to give a page records to show).</summary>
    public Task WithDbAsync(Func<Pathway.Data.PathwayDbContext, Task> work) => _host.WithDbAsync(work);

    /// <summary>Signs in through the pages: email and password, then the code from the authenticator app.</summary>
    public static Task SignInAsync(IPage page, string email, string authenticatorKey = TestWorld.AuthenticatorKey) =>
        BrowserHost.SignInAsync(page, email, authenticatorKey);

    public static Task SubmitPasswordAsync(IPage page, string email) => BrowserHost.SubmitPasswordAsync(page, email);

    /// <summary>What an authenticator app shows now for a base32 key.</summary>
    public static string CodeNow(string base32Key) => BrowserHost.CodeNow(base32Key);

    public static Regex TwoFactorPage() => BrowserHost.TwoFactorPage();

    public static Regex HomePage() => BrowserHost.HomePage();
}

/// <summary>An app and browser of the class's own, for tests that change what other classes rely on: who may sign in with
/// which code, or how many requests an address has made.</summary>
public class IsolatedBrowserApp : BrowserApp
{
    protected override bool Isolated => true;
}

/// <summary>
/// An isolated app whose outbox dispatcher runs in the background, as in production (other test apps turn it off and
/// dispatch by hand), every second: notifications and kept emails appear as they would for real people.
/// </summary>
public sealed class DeliveringBrowserApp : IsolatedBrowserApp
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Outbox:Enabled"] = "true",
        ["Outbox:Interval"] = "00:00:01",
    };
}

/// <summary>The test app with some settings of a test class's own, applied after the test app's.</summary>
internal sealed class SettingsFactory(IReadOnlyDictionary<string, string> settings) : PathwayFactory(Provider.Sqlite)
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}

/// <summary>One running app with its world, one Chromium, and the signed-in session of each role.</summary>
public sealed partial class BrowserHost : IAsyncDisposable
{
    private readonly PathwayFactory _factory;
    private readonly Dictionary<StaffRole, string> _sessions = [];
    private readonly SemaphoreSlim _sessionGate = new(1, 1);
    private IPlaywright? _playwright;
    private int _disposed;

    public TestWorld World { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    private BrowserHost(IReadOnlyDictionary<string, string> settings) =>
        _factory = settings.Count == 0 ? new PathwayFactory(Provider.Sqlite) : new SettingsFactory(settings);

    public IServiceProvider Services => _factory.Services;

    public static async Task<BrowserHost> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var host = new BrowserHost(settings);
        await host.InitializeAsync();
        return host;
    }

    private async Task InitializeAsync()
    {
        // Generous waits: CI machines are small and shared, and a wait only costs time when something is wrong.
        SetDefaultExpectTimeout(15_000);
        var launching = LaunchChromiumAsync(); // meanwhile, start the app
        _factory.UseKestrel(0);
        _factory.StartServer(); // migrations and reference data run at start-up
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("://localhost:", "://127.0.0.1:", StringComparison.Ordinal).TrimEnd('/');
        World = await TestWorld.CreateAsync(_factory.Services);
        Browser = await launching;
    }

    /// <summary>Debian's Chromium: Playwright cannot download its own browser here.</summary>
    private async Task<IBrowser> LaunchChromiumAsync()
    {
        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PATHWAY_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (Browser is not null) await Browser.CloseAsync(); // closes every context the tests opened
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    /// <summary>A fresh page in its own context: anonymous, or signed in as <paramref name="role"/> with two-factor.</summary>
    public async Task<IPage> NewPageAsync(StaffRole? role = null, bool javaScript = true)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            JavaScriptEnabled = javaScript,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        };
        if (role is { } r) options.StorageState = await SessionAsync(r);
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    private async Task<string> SessionAsync(StaffRole role)
    {
        await _sessionGate.WaitAsync();
        try
        {
            if (_sessions.TryGetValue(role, out var state)) return state;
            var page = await NewPageAsync();
            // A code is accepted once; tests may sign this person in themselves with the code for now.
            await TestWorld.ForgetLastAuthenticatorCodeAsync(_factory.Services, World.Users[role].Email!);
            await SignInAsync(page, World.Users[role].Email!);
            state = await page.Context.StorageStateAsync();
            await page.Context.CloseAsync();
            _sessions[role] = state;
            return state;
        }
        finally
        {
            _sessionGate.Release();
        }
    }

    /// <summary>Signs in through the pages: email and password, then the code from the authenticator app.</summary>
    public static async Task SignInAsync(IPage page, string email, string authenticatorKey = TestWorld.AuthenticatorKey)
    {
        await SubmitPasswordAsync(page, email);
        await Expect(page).ToHaveURLAsync(TwoFactorPage());
        await page.GetByLabel("Enter the security code from your authenticator app").FillAsync(CodeNow(authenticatorKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(HomePage());
    }

    public static async Task SubmitPasswordAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestWorld.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>What an authenticator app shows now for a base32 key.</summary>
    public static string CodeNow(string base32Key) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp();

    /// <summary>Work on the app's database directly, to set up a page's records.</summary>
    public async Task WithDbAsync(Func<Pathway.Data.PathwayDbContext, Task> work)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<Pathway.Data.PathwayDbContext>());
    }

    /// <summary>A staff member with the world's authenticator key and two-factor sign-in, like the world's people.</summary>
    public async Task<StaffUser> CreateStaffAsync(StaffRole role, Guid? teamId, string displayName)
    {
        var user = await CreateAsync(role, teamId, displayName);
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var stored = await users.FindByIdAsync(user.Id.ToString()) ?? throw new InvalidOperationException("The new user was not saved.");
        Check(await users.SetAuthenticationTokenAsync(stored, "[AspNetUserStore]", "AuthenticatorKey", TestWorld.AuthenticatorKey));
        Check(await users.SetTwoFactorEnabledAsync(stored, true));
        return stored;
    }

    /// <summary>A staff member in a case-data role who has never set up an authenticator app.</summary>
    public Task<StaffUser> CreateUserWithoutTwoFactorAsync(StaffRole role, string displayName) => CreateAsync(role, World.Service.Id, displayName);

    private async Task<StaffUser> CreateAsync(StaffRole role, Guid? teamId, string displayName)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"staff-{Guid.NewGuid():N}@test.pathway.example";
        var user = new StaffUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, TeamId = teamId, CreatedAt = DateTimeOffset.UtcNow,
        };
        Check(await users.CreateAsync(user, TestWorld.Password));
        Check(await users.AddToRoleAsync(user, role.ToString()));
        return user;
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }

    [GeneratedRegex(@"/account/sign-in/two-factor(\?.*)?$")]
    public static partial Regex TwoFactorPage();

    [GeneratedRegex(@"^http://127\.0\.0\.1:\d+/$")]
    public static partial Regex HomePage();
}
