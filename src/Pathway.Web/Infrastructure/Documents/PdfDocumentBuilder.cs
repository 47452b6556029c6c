using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Pathway.Web.Infrastructure.Documents;

/// <summary>What every page of a generated document carries.</summary>
/// <param name="Title">Document title (PDF metadata and the page header).</param>
/// <param name="Reference">A reference a reader can quote, e.g. "CRN X123456 · Assessment v2"; printed in every footer.</param>
/// <param name="Marking">The Government Security Classification marking, printed at the top and bottom of every page.</param>
public sealed record DocumentInfo(string Title, string Reference, string Marking = "OFFICIAL-SENSITIVE");

/// <summary>
/// A small flowing-document writer over PDFsharp for Pathway's printable records (assessments now; warning letters,
/// certificates and care plans later): headings, wrapped paragraphs, label/value pairs and simple tables, flowing
/// onto new A4 pages as needed, with the protective marking, title, reference and "Page n of m" on every page.
/// Usage: <c>using var b = new PdfDocumentBuilder(info); b.Heading("…"); b.Paragraph("…"); var bytes = b.Build();</c>
/// Text is drawn with embedded DejaVu Sans (Unicode), so it can be copied and searched in the PDF.
/// </summary>
public sealed class PdfDocumentBuilder : IDisposable
{
    private const double Margin = 56; // points (about 2 cm)
    private const double HeaderSpace = 36;
    private const double FooterSpace = 36;
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    private readonly DocumentInfo _info;
    private readonly PdfDocument _doc = new();
    private readonly XFont _body = Font(10);
    private readonly XFont _bold = Font(10, bold: true);
    private readonly XFont _small = Font(8);
    private readonly XFont _smallBold = Font(8, bold: true);
    private readonly XFont[] _headings = [Font(18, bold: true), Font(14, bold: true), Font(11, bold: true)];
    private XGraphics? _gfx;
    private PdfPage? _page;
    private double _y;

    // Before any field initialiser makes a font.
    static PdfDocumentBuilder() => PdfFonts.EnsureInstalled();

    public PdfDocumentBuilder(DocumentInfo info)
    {
        _info = info;
        _doc.Info.Title = info.Title;
        _doc.Info.Subject = info.Reference;
        _doc.Info.Creator = "Pathway";
        NewPage();
    }

    private static XFont Font(double size, bool bold = false, bool italic = false) =>
        new(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : italic ? XFontStyleEx.Italic : XFontStyleEx.Regular, Unicode);

    private double Width => _page!.Width.Point - 2 * Margin;
    private double Bottom => _page!.Height.Point - Margin - FooterSpace;
    private XGraphics G => _gfx!;

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = _doc.AddPage();
        _page.Size = PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Margin + HeaderSpace;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    private void Need(double height)
    {
        if (_y + height > Bottom && _y > Margin + HeaderSpace) NewPage();
    }

    public void PageBreak() => NewPage();

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit: keeps a heading with the figure after it.</summary>
    public void KeepTogether(double height) => Need(height);

    /// <summary>
    /// A figure drawn by the caller as vector graphics in a box the full text width and <paramref name="height"/> points
    /// high, on a new page if it does not fit on this one. Draw with the fonts of <see cref="PdfFonts.Family"/>.
    /// </summary>
    public void Figure(double height, Action<XGraphics, XRect> draw)
    {
        Need(height);
        var box = new XRect(Margin, _y, Width, height);
        var state = G.Save();
        draw(G, box);
        G.Restore(state);
        _y += height + _body.GetHeight() * 0.5;
    }

    public void Spacer(double points) => _y += points;

    /// <summary>A heading: level 1 (document title), 2 (section) or 3 (sub-section). Kept with at least two lines after it.</summary>
    public void Heading(string text, int level = 2)
    {
        var font = _headings[Math.Clamp(level, 1, 3) - 1];
        var lines = Wrap(text, font, Width);
        Need(lines.Count * font.GetHeight() + 3 * _body.GetHeight());
        _y += level == 1 ? 0 : font.GetHeight() * 0.6;
        foreach (var line in lines) DrawLine(line, font, Margin);
        _y += font.GetHeight() * 0.3;
    }

    /// <summary>Wrapped text; line breaks in the text start new lines, blank lines become paragraph gaps.</summary>
    public void Paragraph(string? text, bool bold = false, bool italic = false)
    {
        var font = bold ? _bold : italic ? Font(10, italic: true) : _body;
        foreach (var line in Wrap(text ?? "", font, Width))
        {
            Need(font.GetHeight());
            DrawLine(line, font, Margin);
        }
        _y += font.GetHeight() * 0.5;
    }

    /// <summary>A bold label with its value underneath (or "Not recorded" when empty).</summary>
    public void LabelledText(string label, string? value)
    {
        Need(_bold.GetHeight() * 2);
        DrawLine(label, _bold, Margin);
        Paragraph(string.IsNullOrWhiteSpace(value) ? "Not recorded" : value);
    }

    /// <summary>A simple bordered table. Widths are fractions of the text width (default: equal). The header repeats on each page.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, IReadOnlyList<double>? widths = null)
    {
        var fractions = widths ?? Enumerable.Repeat(1.0 / headers.Count, headers.Count).ToArray();
        var cols = fractions.Select(f => f * Width).ToArray();
        const double pad = 3;
        void Row(IReadOnlyList<string?> cells, XFont font, bool shade)
        {
            var wrapped = cells.Select((c, i) => Wrap(c ?? "", font, cols[i] - 2 * pad)).ToList();
            var height = wrapped.Max(w => Math.Max(1, w.Count)) * font.GetHeight() + 2 * pad;
            if (_y + height > Bottom) { NewPage(); if (!shade) Row(headers!, _bold, true); }
            var x = Margin;
            for (var i = 0; i < cols.Length; i++)
            {
                if (shade) G.DrawRectangle(XBrushes.Gainsboro, x, _y, cols[i], height);
                G.DrawRectangle(new XPen(XColors.Gray, 0.5), x, _y, cols[i], height);
                var ly = _y + pad;
                foreach (var line in wrapped[i])
                {
                    G.DrawString(line, font, XBrushes.Black, x + pad, ly, XStringFormats.TopLeft);
                    ly += font.GetHeight();
                }
                x += cols[i];
            }
            _y += height;
        }
        Need(_bold.GetHeight() * 3);
        Row(headers!, _bold, true);
        foreach (var r in rows) Row(r, _body, false);
        _y += _body.GetHeight() * 0.8;
    }

    private void DrawLine(string line, XFont font, double x)
    {
        G.DrawString(line, font, XBrushes.Black, x, _y, XStringFormats.TopLeft);
        _y += font.GetHeight();
    }

    /// <summary>Greedy word wrap by measured width; a word longer than the line is split by characters.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var current = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (G.MeasureString(candidate, font).Width <= width) { current = candidate; continue; }
                if (current.Length > 0) lines.Add(current);
                current = word;
                while (G.MeasureString(current, font).Width > width && current.Length > 1)
                {
                    var cut = current.Length - 1;
                    while (cut > 1 && G.MeasureString(current[..cut], font).Width > width) cut--;
                    lines.Add(current[..cut]);
                    current = current[cut..];
                }
            }
            lines.Add(current);
        }
        return lines;
    }

    /// <summary>Draws every page's header and footer (now that the page count is known) and returns the PDF.</summary>
    public byte[] Build()
    {
        _gfx?.Dispose();
        _gfx = null;
        var total = _doc.PageCount;
        for (var i = 0; i < total; i++)
        {
            var page = _doc.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var w = page.Width.Point;
            var h = page.Height.Point;
            g.DrawString(_info.Marking, _smallBold, XBrushes.Black, new XRect(0, Margin - 20, w, 12), XStringFormats.TopCenter);
            g.DrawString(_info.Title, _small, XBrushes.DimGray, Margin, Margin, XStringFormats.TopLeft);
            g.DrawLine(new XPen(XColors.Gray, 0.5), Margin, Margin + 14, w - Margin, Margin + 14);
            var footerY = h - Margin - 14;
            g.DrawLine(new XPen(XColors.Gray, 0.5), Margin, footerY - 4, w - Margin, footerY - 4);
            g.DrawString(_info.Reference, _small, XBrushes.DimGray, Margin, footerY, XStringFormats.TopLeft);
            g.DrawString($"Page {i + 1} of {total}", _small, XBrushes.DimGray, new XRect(Margin, footerY, w - 2 * Margin, 12), XStringFormats.TopRight);
            g.DrawString(_info.Marking, _smallBold, XBrushes.Black, new XRect(0, footerY + 14, w, 12), XStringFormats.TopCenter);
        }
        using var ms = new MemoryStream();
        _doc.Save(ms, false);
        return ms.ToArray();
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _doc.Dispose();
    }
}
