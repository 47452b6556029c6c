using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pathway.Web.Tests.Outbox;

/// <summary>
/// A local stand-in for the GOV.UK Notify API (Kestrel on 127.0.0.1, a random port) that checks what the real service
/// checks: a bearer JWT signed HS256 with the API key's secret, whose <c>iss</c> is the key's service id and whose
/// <c>iat</c> is within 30 seconds of now; a POST to <c>/v2/notifications/email</c> with <c>email_address</c> and
/// <c>template_id</c> (and <c>personalisation</c>, <c>reference</c>); and it answers in Notify's shapes (201 with the
/// notification, or <c>{status_code, errors:[{error, message}]}</c>). <see cref="FailWith"/> makes the next sends of one reference fail.
/// </summary>
public sealed class FakeNotify : IAsyncDisposable
{
    /// <summary>A key in Notify's format, <c>name-serviceId-secret</c> (both ids are UUIDs).</summary>
    public const string ServiceId = "26785a09-ab16-4eb0-8407-a37497a57506";
    public const string Secret = "3d844edf-8d35-48ac-975b-e847b4f122b0";
    public const string ApiKey = "pathway_test-" + ServiceId + "-" + Secret;

    private readonly WebApplication _app;

    /// <summary>The emails it accepted, in order.</summary>
    public ConcurrentQueue<SentEmail> Sent { get; } = [];
    /// <summary>Every request and what it answered, for a test to read.</summary>
    public ConcurrentQueue<(string Method, string Path, int Status)> Requests { get; } = [];
    private int _failuresLeft;
    private HttpStatusCode _failStatus = HttpStatusCode.InternalServerError;
    private string? _failReference;
    public string BaseUrl { get; private set; } = "";

    public sealed record SentEmail(Guid Id, string EmailAddress, string TemplateId, IReadOnlyDictionary<string, string> Personalisation, string? Reference);

    private FakeNotify()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v2/notifications/email", SendEmailAsync);
        _app.MapGet("/v2/notifications", ListNotifications);
    }

    public static async Task<FakeNotify> StartAsync()
    {
        var fake = new FakeNotify();
        await fake._app.StartAsync();
        fake.BaseUrl = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return fake;
    }

    /// <summary>The next <paramref name="times"/> emails with <paramref name="reference"/> are refused with <paramref name="status"/>.</summary>
    public void FailWith(HttpStatusCode status, int times, string reference)
    {
        _failStatus = status;
        _failReference = reference;
        _failuresLeft = times;
    }

    private async Task<IResult> SendEmailAsync(HttpRequest request)
    {
        if (Authenticate(request) is { } refused) return Record(request, refused);
        using var body = await JsonDocument.ParseAsync(request.Body);
        var root = body.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (Text("reference") == _failReference && Interlocked.Decrement(ref _failuresLeft) >= 0) return Record(request, Error(_failStatus));
        var email = Text("email_address");
        var template = Text("template_id");
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
            return Record(request, Error(HttpStatusCode.BadRequest, "ValidationError", "email_address Not a valid email address"));
        if (!Guid.TryParse(template, out var templateId))
            return Record(request, Error(HttpStatusCode.BadRequest, "ValidationError", "template_id is not a valid UUID"));
        var personalisation = root.TryGetProperty("personalisation", out var p) && p.ValueKind == JsonValueKind.Object
            ? p.EnumerateObject().ToDictionary(x => x.Name, x => x.Value.ToString(), StringComparer.Ordinal)
            : [];
        var sent = new SentEmail(Guid.NewGuid(), email, template!, personalisation, Text("reference"));
        Sent.Enqueue(sent);
        return Record(request, Results.Json(new
        {
            id = sent.Id,
            reference = sent.Reference,
            content = new { subject = "New work in Pathway", body = personalisation.GetValueOrDefault("message", ""), from_email = "pathway@notifications.service.gov.uk" },
            uri = $"{BaseUrl}/v2/notifications/{sent.Id}",
            template = new { id = templateId, version = 1, uri = $"{BaseUrl}/services/{ServiceId}/templates/{templateId}" },
        }, statusCode: StatusCodes.Status201Created));
    }

    /// <summary>GET /v2/notifications?template_type=email&amp;reference=…: what was sent with that reference.</summary>
    private IResult ListNotifications(HttpRequest request)
    {
        if (Authenticate(request) is { } refused) return Record(request, refused);
        var reference = request.Query["reference"].ToString();
        var matches = Sent.Where(s => reference.Length == 0 || s.Reference == reference).Select(s => new
        {
            id = s.Id, reference = s.Reference, email_address = s.EmailAddress, phone_number = (string?)null, line_1 = (string?)null,
            type = "email", status = "delivered", template = new { id = s.TemplateId, version = 1, uri = "" }, body = s.Personalisation.GetValueOrDefault("message", ""),
            subject = "New work in Pathway", created_at = DateTimeOffset.UtcNow.ToString("O"), created_by_name = (string?)null, sent_at = (string?)null,
            completed_at = (string?)null, scheduled_for = (string?)null, one_click_unsubscribe_url = (string?)null,
        });
        return Record(request, Results.Json(new { notifications = matches, links = new { current = $"{BaseUrl}/v2/notifications", next = (string?)null } }));
    }

    /// <summary>Notify's authentication: null when the bearer token is good, else its 403 answer.</summary>
    private static IResult? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal)) return AuthError("Unauthorized, authentication token must be provided");
        var parts = header["Bearer ".Length..].Split('.');
        if (parts.Length != 3) return AuthError("Invalid token: signature, api token is not valid");
        using var head = JsonDocument.Parse(FromBase64Url(parts[0]));
        if (head.RootElement.GetProperty("alg").GetString() != "HS256") return AuthError("Invalid token: algorithm used is not HS256");
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        if (!CryptographicOperations.FixedTimeEquals(expected, FromBase64Url(parts[2]))) return AuthError("Invalid token: signature, api token not found");
        using var claims = JsonDocument.Parse(FromBase64Url(parts[1]));
        if (!claims.RootElement.TryGetProperty("iss", out var iss) || iss.GetString() != ServiceId) return AuthError("Invalid token: service not found");
        // A number of seconds since 1970 (the client writes it with a fraction).
        if (!claims.RootElement.TryGetProperty("iat", out var iat) || iat.ValueKind != JsonValueKind.Number) return AuthError("Invalid token: iat field not provided");
        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 - iat.GetDouble()) > 30) return AuthError("Error: Your system clock must be accurate to within 30 seconds");
        return null;
    }

    private static IResult AuthError(string message) => Error(HttpStatusCode.Forbidden, "AuthError", message);

    /// <summary>Notify's error shape, with the error name and message the real service gives for each status.</summary>
    private static IResult Error(HttpStatusCode status, string? error = null, string? message = null)
    {
        (error, message) = (error, message) switch
        {
            ({ } e, { } m) => (e, m),
            _ => status switch
            {
                HttpStatusCode.BadRequest => ("BadRequestError", "Can't send to this recipient using a team-only API key"),
                HttpStatusCode.Forbidden => ("AuthError", "Invalid token: API key not found"),
                HttpStatusCode.TooManyRequests => ("RateLimitError", "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds"),
                _ => ("Exception", "Internal server error"),
            },
        };
        return Results.Json(new { status_code = (int)status, errors = new[] { new { error, message } } }, statusCode: (int)status);
    }

    private IResult Record(HttpRequest request, IResult result)
    {
        var status = result is IStatusCodeHttpResult { StatusCode: { } s } ? s : 200;
        Requests.Enqueue((request.Method, request.Path + request.QueryString, status));
        return result;
    }

    private static byte[] FromBase64Url(string s)
    {
        var padded = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '='));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
