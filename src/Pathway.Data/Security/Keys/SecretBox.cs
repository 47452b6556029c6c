using System.Security.Cryptography;
using System.Text;

namespace Pathway.Data.Security.Keys;

/// <summary>
/// AES-256-GCM under a key from the secret key ring (outside the database), with a sub-key per purpose and the
/// record's context (a user id, say) bound in as associated data, so a ciphertext cannot be moved to another user or
/// purpose. Ciphertexts name their key id, so retired keys still decrypt after rotation.
/// </summary>
public static class SecretBox
{
    public const string Prefix = "enc1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static bool IsSealed(string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal);

    public static string Seal(KeyRing ring, string purpose, string context, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(SubKey(ring.Current, purpose), TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Aad(ring.CurrentId, purpose, context));
        return $"{Prefix}{ring.CurrentId}:{Convert.ToBase64String(output)}";
    }

    public static string Open(KeyRing ring, string purpose, string context, string sealedValue)
    {
        var rest = sealedValue.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon < 0) throw new CryptographicException("Malformed sealed value.");
        var keyId = rest[..colon].ToString();
        var key = ring.Find(keyId) ?? throw new CryptographicException($"Sealed with key '{keyId}', which is not in the secret key ring.");
        var data = Convert.FromBase64String(rest[(colon + 1)..].ToString());
        if (data.Length < NonceSize + TagSize) throw new CryptographicException("Malformed sealed value.");
        var plain = new byte[data.Length - NonceSize - TagSize];
        using var aes = new AesGcm(SubKey(key, purpose), TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize + TagSize), data.AsSpan(NonceSize, TagSize), plain, Aad(keyId, purpose, context));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>A keyed hash for values that are only ever compared (recovery codes): a copy of the database cannot brute-force it.</summary>
    public static string Mac(byte[] key, string purpose, string context, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(SubKey(key, purpose), Encoding.UTF8.GetBytes($"{context.Length}:{context}|{value}")));

    private static byte[] SubKey(byte[] key, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, salt: [], info: Encoding.UTF8.GetBytes("pathway|" + purpose));

    private static byte[] Aad(string keyId, string purpose, string context) => Encoding.UTF8.GetBytes($"{keyId}|{purpose}|{context}");
}
