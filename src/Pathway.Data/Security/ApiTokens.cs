using System.Security.Cryptography;
using System.Text;
using Pathway.Data;
using Pathway.Data.Entities;

namespace Pathway.Data.Security;

/// <summary>Personal API tokens: 256 random bits, shown once, stored as a SHA-256 hash.</summary>
public static class ApiTokens
{
    public const string Scheme = "ApiToken";
    private const string TokenPrefix = "pwy_";

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Creates a token for <paramref name="userId"/> and returns the plain text, which is never stored.</summary>
    public static (ApiToken Record, string Plain) Create(Guid userId, string name, DateTimeOffset now, int days, ApiTokenIssuance issuedVia)
    {
        var plain = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var record = new ApiToken
        {
            UserId = userId,
            Name = name,
            TokenHash = Hash(plain),
            Prefix = plain[..10],
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
            IssuedVia = issuedVia,
        };
        return (record, plain);
    }

    public static ApiToken Issue(PathwayDbContext db, Guid userId, string name, DateTimeOffset now, int days, ApiTokenIssuance issuedVia, out string plain)
    {
        var (record, p) = Create(userId, name, now, days, issuedVia);
        db.ApiTokens.Add(record);
        plain = p;
        return record;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
