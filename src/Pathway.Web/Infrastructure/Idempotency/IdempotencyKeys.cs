using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Infrastructure.Idempotency;

/// <summary>
/// Makes an API create safe to retry. A POST under <c>/api/v1</c> that answers 201 may carry an
/// <c>Idempotency-Key</c> header: the first request with the key runs and its successful answer is kept for 24 hours;
/// a repeat by the same user with the same key, method, path and body gets that answer again (with
/// <c>Idempotent-Replayed: true</c>) and creates nothing; the same key with a different request is a 422. Another
/// user's key never replays. One middleware for every create, so no endpoint can forget.
/// </summary>
public sealed class IdempotencyKeys(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 200;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>The requests the header applies to: creates (POSTs that can answer 201) in the JSON API.</summary>
    public static bool AppliesTo(string method, string? path, EndpointMetadataCollection metadata) =>
        HttpMethods.IsPost(method) && path is not null && path.StartsWith("/api/v1/", StringComparison.Ordinal)
        && metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == StatusCodes.Status201Created);

    public async Task InvokeAsync(HttpContext http, PathwayDbContext db, AuditLog audit, TimeProvider clock)
    {
        var endpoint = http.GetEndpoint();
        if (!http.Request.Headers.TryGetValue(Header, out var values) || endpoint is null
            || http.User.Identity?.IsAuthenticated != true
            || !AppliesTo(http.Request.Method, http.Request.Path.Value, endpoint.Metadata))
        {
            await next(http);
            return;
        }
        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength || key.Any(ch => ch is < '!' or > '~'))
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, "Idempotency-Key is not valid",
                $"Send 1 to {MaxKeyLength} visible ASCII characters, for example a new UUID for each record you create.");
            return;
        }

        http.Request.EnableBuffering();
        var body = await ReadAllAsync(http.Request.Body, http.RequestAborted);
        http.Request.Body.Position = 0;
        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        var request = $"{http.Request.Method} {http.Request.Path.Value}";
        var userId = http.User.ToStaffContext().UserId;
        var now = clock.GetUtcNow();
        var cutoff = now - Lifetime;

        await db.IdempotentRequests.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(http.RequestAborted);
        var stored = await db.IdempotentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, http.RequestAborted);
        if (stored is not null)
        {
            await AnswerRepeatAsync(http, audit, stored, request, hash);
            return;
        }

        var row = new IdempotentRequest { UserId = userId, Key = key, Request = request, BodyHash = hash, CreatedAt = now };
        db.IdempotentRequests.Add(row);
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException)
        {
            // The same key arrived twice at once: the other request holds it.
            await ProblemAsync(http, StatusCodes.Status409Conflict, "A request with this Idempotency-Key is in progress",
                "Wait for it to finish, then send the request again to get its answer.");
            return;
        }
        db.Entry(row).State = EntityState.Detached;

        var original = http.Response.Body;
        using var captured = new MemoryStream();
        http.Response.Body = captured;
        var succeeded = false;
        try
        {
            await next(http);
            succeeded = http.Response.StatusCode is >= 200 and < 300;
        }
        finally
        {
            http.Response.Body = original;
            // Only a success is kept: a refused request may be corrected and sent again with the same key.
            if (succeeded)
            {
                var bytes = captured.ToArray();
                var status = http.Response.StatusCode;
                var type = http.Response.ContentType;
                var location = http.Response.Headers.Location.ToString();
                await db.IdempotentRequests.Where(r => r.Id == row.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.StatusCode, status)
                    .SetProperty(r => r.ContentType, type)
                    .SetProperty(r => r.Location, location.Length == 0 ? null : location)
                    .SetProperty(r => r.ResponseBody, bytes), CancellationToken.None);
            }
            else
            {
                await db.IdempotentRequests.Where(r => r.Id == row.Id).ExecuteDeleteAsync(CancellationToken.None);
            }
            captured.Position = 0;
            await captured.CopyToAsync(original, CancellationToken.None);
        }
    }

    private static async Task AnswerRepeatAsync(HttpContext http, AuditLog audit, IdempotentRequest stored, string request, string hash)
    {
        if (stored.Request != request || stored.BodyHash != hash)
        {
            await ProblemAsync(http, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key was used for a different request",
                "This key was first sent with another body or to another address. Use a new key for a new record.");
            return;
        }
        if (stored.StatusCode == 0)
        {
            await ProblemAsync(http, StatusCodes.Status409Conflict, "A request with this Idempotency-Key is in progress",
                "Wait for it to finish, then send the request again to get its answer.");
            return;
        }
        // Replaying shows the record again: that is a read, and is audited as one.
        await audit.WriteAsync(null, "IdempotentReplay", stored.Id, null, reason: "answer replayed for a repeated Idempotency-Key", ct: http.RequestAborted);
        http.Response.StatusCode = stored.StatusCode;
        if (stored.ContentType is { } type) http.Response.ContentType = type;
        if (stored.Location is { } location) http.Response.Headers.Location = location;
        http.Response.Headers[ReplayedHeader] = "true";
        await http.Response.Body.WriteAsync(stored.ResponseBody, http.RequestAborted);
    }

    private static Task ProblemAsync(HttpContext http, int status, string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(http);

    private static async Task<byte[]> ReadAllAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
