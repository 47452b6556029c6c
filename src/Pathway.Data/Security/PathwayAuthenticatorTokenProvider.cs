using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;

namespace Pathway.Data.Security;

/// <summary>
/// Authenticator-app codes (RFC 6238: HMAC-SHA1, 30-second steps, six digits), replacing Identity's provider, which
/// accepts a code for two minutes either side and as often as it is typed. Here a code is accepted for one step either
/// side of now (clock drift), and once: the accepted step is recorded on the user and any step at or before it is
/// refused, so a code seen over someone's shoulder, or replayed from a captured request, is no use.
/// </summary>
public sealed class PathwayAuthenticatorTokenProvider(PathwayDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<StaffUser>
{
    public const string Name = "PathwayAuthenticator";
    private const int StepSeconds = 30;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The code comes from the person's app; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;
        var secret = Base32Decode(key);
        if (secret is null) return false;

        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        long? matched = null;
        for (var step = now - 1; step <= now + 1; step++)
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(secret, step)), Encoding.ASCII.GetBytes(token)))
                matched = step;
        if (matched is not { } accepted) return false;

        // Claim the step in one conditional update, so two requests racing with the same code cannot both win, and
        // instances sharing the database agree.
        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.LastAuthenticatorStep == null || u.LastAuthenticatorStep < accepted))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastAuthenticatorStep, accepted));
        if (claimed != 1) return false;
        // UserManager saves the whole (tracked) user after a sign-in or enrolment; keep it from writing the old step back.
        user.LastAuthenticatorStep = accepted;
        return true;
    }

    /// <summary>The six-digit code for one time-step (RFC 4226 dynamic truncation).</summary>
    public static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, as authenticator keys are written; null if the key is not valid base32.</summary>
    public static byte[]? Base32Decode(string key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = key.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) return null;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bits -= 8;
            bytes.Add((byte)(buffer >> bits));
            buffer &= (1 << bits) - 1;
        }
        return [.. bytes];
    }
}
