namespace Pathway.Domain.Training;

/// <summary>
/// Certificate numbers: "PWT-" and 20 characters of Crockford base 32 in groups of four (100 random bits), so one
/// number says nothing about another and cannot be guessed. People type them from paper, so parsing forgives case,
/// spaces, missing dashes and the letters Crockford reads as digits (O → 0, I and L → 1).
/// </summary>
public static class CertificateNumber
{
    public const string Prefix = "PWT";
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Characters = 20;

    /// <summary>Formats 13 random bytes (only the first 100 bits are used).</summary>
    public static string FromRandom(ReadOnlySpan<byte> random)
    {
        if (random.Length < 13) throw new ArgumentException("Need at least 13 random bytes", nameof(random));
        var chars = new char[Characters];
        var bits = 0; var buffer = 0; var i = 0;
        foreach (var b in random)
        {
            buffer = (buffer << 8) | b; bits += 8;
            while (bits >= 5 && i < Characters) { chars[i++] = Alphabet[(buffer >> (bits - 5)) & 31]; bits -= 5; }
            if (i == Characters) break;
        }
        return Format(new string(chars));
    }

    private static string Format(string body) =>
        $"{Prefix}-{string.Join('-', Enumerable.Range(0, Characters / 4).Select(g => body.Substring(g * 4, 4)))}";

    /// <summary>The canonical form of what someone typed, or null when it cannot be a certificate number.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 60) return null;
        var s = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        if (s.StartsWith(Prefix, StringComparison.Ordinal)) s = s[Prefix.Length..];
        if (s.Length != Characters) return null;
        var body = new char[Characters];
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i] switch { 'O' => '0', 'I' or 'L' => '1', var x => x };
            if (!Alphabet.Contains(c, StringComparison.Ordinal)) return null;
            body[i] = c;
        }
        return Format(new string(body));
    }
}
