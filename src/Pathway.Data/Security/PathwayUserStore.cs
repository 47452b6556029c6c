using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Data.Security.Keys;

namespace Pathway.Data.Security;

/// <summary>
/// Identity's store with two-factor secrets kept unreadable at rest: the authenticator key is sealed (AES-256-GCM under
/// the secret key ring, bound to the user) and recovery codes are kept only as keyed hashes. Done at the storage layer, so
/// every caller (the enrolment pages, the token providers, the CLI, tests that set a key) goes through it unchanged.
/// Values written in clear before this change still read, and start-up rewrites them (<see cref="ProtectStoredSecretsAsync"/>).
/// </summary>
public sealed class PathwayUserStore(PathwayDbContext context, PathwayKeys keys, IdentityErrorDescriber? describer = null)
    : UserStore<StaffUser, StaffRoleRecord, PathwayDbContext, Guid>(context, describer)
{
    /// <summary>Identity's own provider and token names for the authenticator key and recovery codes.</summary>
    public const string InternalProvider = "[AspNetUserStore]";
    public const string AuthenticatorKeyToken = "AuthenticatorKey";
    public const string RecoveryCodesToken = "RecoveryCodes";
    private const string AuthenticatorPurpose = "authenticator-key";
    private const string RecoveryPurpose = "recovery-code";
    private const string HashedPrefix = "hmac1:";

    public override async Task<string?> GetTokenAsync(StaffUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var value = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return IsAuthenticatorKey(loginProvider, name) && SecretBox.IsSealed(value)
            ? SecretBox.Open(keys.SecretRing, AuthenticatorPurpose, user.Id.ToString("N"), value!)
            : value;
    }

    public override Task SetTokenAsync(StaffUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, Protect(keys, user.Id, loginProvider, name, value), cancellationToken);

    public override async Task<int> CountCodesAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, InternalProvider, RecoveryCodesToken, cancellationToken);
        return string.IsNullOrEmpty(stored) ? 0 : Codes(stored).Count;
    }

    public override async Task<bool> RedeemCodeAsync(StaffUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var stored = await base.GetTokenAsync(user, InternalProvider, RecoveryCodesToken, cancellationToken);
        if (string.IsNullOrEmpty(stored)) return false;
        var (keyId, hashes) = IsHashed(stored) ? ParseHashed(stored) : (null, Codes(stored));
        var candidate = keyId is null ? code : keys.SecretRing.Find(keyId) is { } key ? SecretBox.Mac(key, RecoveryPurpose, user.Id.ToString("N"), code) : null;
        if (candidate is null) return false;
        var match = hashes.FindIndex(h => CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(h), System.Text.Encoding.UTF8.GetBytes(candidate)));
        if (match < 0) return false;
        hashes.RemoveAt(match);
        // Legacy clear codes are hashed as they are written back; hashed ones keep their key id.
        var remaining = keyId is null ? string.Join(';', hashes) : $"{HashedPrefix}{keyId}:{string.Join(';', hashes)}";
        await SetTokenAsync(user, InternalProvider, RecoveryCodesToken, remaining, cancellationToken);
        return true;
    }

    /// <summary>
    /// Seals authenticator keys and hashes recovery codes stored in clear before this store existed (the demo and test
    /// accounts, a development database). Idempotent; run at start-up and by <c>pathway migrate</c>.
    /// </summary>
    public static async Task<int> ProtectStoredSecretsAsync(PathwayDbContext db, PathwayKeys keys, CancellationToken ct = default)
    {
        var rows = await db.UserTokens
            .Where(t => t.LoginProvider == InternalProvider && (t.Name == AuthenticatorKeyToken || t.Name == RecoveryCodesToken))
            .ToListAsync(ct);
        var changed = 0;
        foreach (var row in rows)
        {
            var protectedValue = Protect(keys, row.UserId, row.LoginProvider, row.Name, row.Value);
            if (protectedValue == row.Value) continue;
            row.Value = protectedValue;
            changed++;
        }
        if (changed > 0) await db.SaveChangesAsync(ct);
        return changed;
    }

    private static string? Protect(PathwayKeys keys, Guid userId, string loginProvider, string name, string? value)
    {
        if (string.IsNullOrEmpty(value) || loginProvider != InternalProvider) return value;
        if (name == AuthenticatorKeyToken && !SecretBox.IsSealed(value))
            return SecretBox.Seal(keys.SecretRing, AuthenticatorPurpose, userId.ToString("N"), value);
        if (name == RecoveryCodesToken && !IsHashed(value))
        {
            var ring = keys.SecretRing;
            return $"{HashedPrefix}{ring.CurrentId}:" + string.Join(';', Codes(value).Select(c => SecretBox.Mac(ring.Current, RecoveryPurpose, userId.ToString("N"), c)));
        }
        return value;
    }

    private static bool IsAuthenticatorKey(string loginProvider, string name) => loginProvider == InternalProvider && name == AuthenticatorKeyToken;
    private static bool IsHashed(string value) => value.StartsWith(HashedPrefix, StringComparison.Ordinal);
    private static List<string> Codes(string value) =>
        (IsHashed(value) ? ParseHashed(value).Hashes : value.Split(';', StringSplitOptions.RemoveEmptyEntries).ToList());

    private static (string? KeyId, List<string> Hashes) ParseHashed(string value)
    {
        var rest = value[HashedPrefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return (rest[..colon], rest[(colon + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries).ToList());
    }
}
