using System.Net;
using System.Text.RegularExpressions;
using OtpNet;

namespace Pathway.LoadSignIn;

public sealed class SignInFailedException(string message) : Exception(message);

/// <summary>A browser-like client: keeps cookies, follows no redirects, posts forms with their antiforgery token.</summary>
public sealed partial class PageClient : IDisposable
{
    private readonly Uri _base;
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _http;

    public PageClient(Uri baseUrl)
    {
        _base = baseUrl;
        _http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>First sign-in of a new account: the app sends the person to set up an authenticator app.</summary>
    public async Task<string> EnrolAsync(string email, string password)
    {
        var signIn = await PostFormAsync("/account/sign-in", new() { ["Email"] = email, ["Password"] = password });
        Expect(signIn, HttpStatusCode.Redirect, "password sign-in");
        var home = await _http.GetAsync("/");
        if (home.Headers.Location?.OriginalString != "/account/two-factor/enrol")
            throw new SignInFailedException($"Expected to be sent to enrol an authenticator, got {(int)home.StatusCode} {home.Headers.Location}.");

        var page = await GetHtmlAsync("/account/two-factor/enrol");
        var shown = SharedKeyPattern().Match(page);
        if (!shown.Success) throw new SignInFailedException("The enrolment page shows no key.");
        // The page groups the key in fours, lower case, for people to type; authenticator apps accept it either way.
        var key = shown.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var enrol = await PostFormAsync("/account/two-factor/enrol", new() { ["Code"] = Code(key) }, page);
        Expect(enrol, HttpStatusCode.Redirect, "authenticator enrolment");
        return key;
    }

    /// <summary>The everyday sign-in: password, then the code the authenticator shows now.</summary>
    public async Task SignInAsync(string email, string password, string key)
    {
        var signIn = await PostFormAsync("/account/sign-in", new() { ["Email"] = email, ["Password"] = password });
        Expect(signIn, HttpStatusCode.Redirect, "password sign-in");
        if (signIn.Headers.Location?.OriginalString.Contains("two-factor", StringComparison.Ordinal) != true)
            throw new SignInFailedException($"The password step did not ask for a code ({signIn.Headers.Location}).");
        var second = await PostFormAsync("/account/sign-in/two-factor", new() { ["Code"] = Code(key) });
        Expect(second, HttpStatusCode.Redirect, "authenticator code");

        // A signed-in page must now answer 200 rather than send the person elsewhere.
        var cases = await _http.GetAsync("/cases");
        Expect(cases, HttpStatusCode.OK, "opening /cases after sign-in");
    }

    /// <summary>Every cookie the browser holds for the site, as one Cookie header.</summary>
    public string CookieHeader() => _cookies.GetCookieHeader(_base);

    private static string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    private async Task<string> GetHtmlAsync(string path)
    {
        var response = await _http.GetAsync(path);
        Expect(response, HttpStatusCode.OK, "GET " + path);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? html = null)
    {
        html ??= await GetHtmlAsync(path);
        var token = TokenPattern().Match(html);
        if (!token.Success) throw new SignInFailedException($"No antiforgery token on {path}.");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await _http.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status, string step)
    {
        if (response.StatusCode != status)
            throw new SignInFailedException($"{step}: expected {(int)status}, got {(int)response.StatusCode} {response.Headers.Location}.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("data-testid=\"shared-key\">([^<]+)<")]
    private static partial Regex SharedKeyPattern();

    public void Dispose() => _http.Dispose();
}
