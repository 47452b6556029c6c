using PdfSharp.Fonts;

namespace Pathway.Web.Infrastructure.Documents;

/// <summary>
/// Gives PDFsharp the DejaVu Sans faces shipped with the app (Infrastructure/Documents/Fonts, embedded in the assembly),
/// so a PDF looks the same on every server and no system font lookup is needed. DejaVu covers the
/// Latin, Greek and Cyrillic characters names and notes may contain. Installed once per process by <see cref="EnsureInstalled"/>.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly Lock Gate = new();
    private static bool _installed;

    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["DejaVuSans"] = "DejaVuSans.ttf",
        ["DejaVuSans-Bold"] = "DejaVuSans-Bold.ttf",
        ["DejaVuSans-Oblique"] = "DejaVuSans-Oblique.ttf",
    };

    private readonly Dictionary<string, byte[]> _cache = [];

    /// <summary>PDFsharp's resolver is process-wide and may be set only once.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (_installed) return;
            if (GlobalFontSettings.FontResolver is not PdfFonts) GlobalFontSettings.FontResolver = new PdfFonts();
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        // Every family resolves to DejaVu Sans: a document never silently falls back to a font we do not ship.
        var face = bold ? "DejaVuSans-Bold" : italic ? "DejaVuSans-Oblique" : "DejaVuSans";
        return new FontResolverInfo(face);
    }

    public byte[]? GetFont(string faceName)
    {
        lock (_cache)
        {
            if (_cache.TryGetValue(faceName, out var bytes)) return bytes;
            if (!Files.TryGetValue(faceName, out var file)) return null;
            using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream("Pathway.Fonts." + file)
                ?? throw new InvalidOperationException($"The font {file} is not embedded in the app.");
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            bytes = ms.ToArray();
            _cache[faceName] = bytes;
            return bytes;
        }
    }
}
