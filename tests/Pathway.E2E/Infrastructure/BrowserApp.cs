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
/// enforced) with a <see cref="TestWorld"/>, and one headless Chromium shared by the tests of a class. Each test gets its
/// own browser context, so cookies never leak between tests; a role's signed-in session is made once, through the real
/// sign-in pages, and reused.
/// </summary>
public sealed partial class BrowserApp : IAsyncLifetime
{
    private readonly PathwayFactory _factory = new(Provider.Sqlite);
    private readonly Dictionary<StaffRole, string> _sessions = [];
    private readonly SemaphoreSlim _sessionGate = new(1, 1);
    private IPlaywright? _playwright;

    public TestWorld World { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots go beside the test assembly, in <c>screenshots/</c>.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
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

    public async Task DisposeAsync()
    {
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

    /// <summary>A staff member in a case-data role who has never set up an authenticator app.</summary>
    /// <summary>Work on the app's database directly, to set up a page's records.</summary>
    public async Task WithDbAsync(Func<Pathway.Data.PathwayDbContext, Task> work)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<Pathway.Data.PathwayDbContext>());
    }

    public async Task<StaffUser> CreateUserWithoutTwoFactorAsync(StaffRole role, string displayName)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"new-{Guid.NewGuid():N}@test.pathway.example";
        var user = new StaffUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, TeamId = World.Service.Id,
            CreatedAt = DateTimeOffset.UtcNow,
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
