using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pathway.Data.Security.Keys;

/// <summary>
/// Named secrets for one purpose: the current one signs or encrypts, retired ones still verify or decrypt what they made.
/// Held in configuration (<c>Security:{Purpose}:Current</c>, <c>Security:{Purpose}:Keys:{id}</c> as base64) or in a
/// JSON file in the key folder; never in the database.
/// </summary>
public sealed class KeyRing
{
    public KeyRing(string currentId, IReadOnlyDictionary<string, byte[]> keys)
    {
        if (!keys.ContainsKey(currentId)) throw new InvalidOperationException($"The current key '{currentId}' is not in the key ring.");
        if (keys.Values.Any(k => k.Length < 32)) throw new InvalidOperationException("Every key must be at least 32 bytes (256 bits).");
        CurrentId = currentId;
        Keys = keys;
    }

    public string CurrentId { get; }
    public IReadOnlyDictionary<string, byte[]> Keys { get; }
    public byte[] Current => Keys[CurrentId];
    public byte[]? Find(string id) => Keys.TryGetValue(id, out var k) ? k : null;

    public static KeyRing Generate()
    {
        var id = NewId();
        return new KeyRing(id, new Dictionary<string, byte[]>(StringComparer.Ordinal) { [id] = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32) });
    }


    /// <summary>A ring whose current key is new and whose old keys are kept, retired.</summary>
    public KeyRing WithNewKey()
    {
        var id = NewId();
        var keys = new Dictionary<string, byte[]>(Keys, StringComparer.Ordinal) { [id] = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32) };
        return new KeyRing(id, keys);
    }

    private static string NewId() => $"{DateTime.UtcNow:yyyyMMdd}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";

    public string ToJson() => JsonSerializer.Serialize(new KeyRingFile { Current = CurrentId, Keys = Keys.ToDictionary(k => k.Key, k => Convert.ToBase64String(k.Value), StringComparer.Ordinal) }, JsonOptions);

    public static KeyRing FromJson(string json, string source)
    {
        var file = JsonSerializer.Deserialize<KeyRingFile>(json, JsonOptions) ?? throw new InvalidOperationException($"{source} is empty.");
        return From(file.Current, file.Keys, source);
    }

    public static KeyRing From(string? current, IDictionary<string, string>? keys, string source)
    {
        if (string.IsNullOrWhiteSpace(current) || keys is null || keys.Count == 0)
            throw new InvalidOperationException($"{source} must name a current key and hold at least one key.");
        try
        {
            return new KeyRing(current, keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value), StringComparer.Ordinal));
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{source}: every key must be base64.", e);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private sealed class KeyRingFile
    {
        [JsonPropertyName("current")] public string? Current { get; set; }
        [JsonPropertyName("keys")] public Dictionary<string, string>? Keys { get; set; }
    }
}
