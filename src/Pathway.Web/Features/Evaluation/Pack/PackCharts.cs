using System.Globalization;
using Pathway.Domain.Disclosure;
using Pathway.Domain.Statistics;
using Pathway.Web.Infrastructure.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Pathway.Web.Features.Evaluation.Pack;

/// <summary>One bar: its label, its value (null when hidden or not available) and the text printed beside it.</summary>
public sealed record PackBar(string Label, double? Value, string Text);

/// <summary>
/// The pack's charts as PDF vector graphics: Kaplan–Meier step curves with confidence bands, legend, axis labels and a
/// numbers-at-risk row; horizontal bars. Groups differ by dash pattern as well as colour, so a grey-scale print still
/// tells them apart. They draw only what they are given: the caller passes published curves and bars.
/// </summary>
public static class PackCharts
{
    private static readonly XColor[] Colours = [XColor.FromArgb(0x1d, 0x70, 0xb8), XColor.FromArgb(0xd4, 0x35, 0x1c), XColor.FromArgb(0x00, 0x70, 0x3c)];
    private static readonly XDashStyle[] Dashes = [XDashStyle.Solid, XDashStyle.Dash, XDashStyle.Dot];
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static XFont Font(double size, bool bold = false) => new(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

    private const double PlotHeight = 190;
    private const double RowHeight = 13;
    private const double Left = 100;

    public static double KaplanMeierHeight(int curves) => 22 + PlotHeight + 36 + RowHeight * (curves + 1) + 4;

    /// <summary>
    /// Draws <paramref name="published"/>. Where a published curve stops before its full curve in <paramref name="full"/>
    /// (cut under disclosure control), the number at risk after the cut is printed as [c]; after the last time anyone
    /// was followed it is 0.
    /// </summary>
    public static void KaplanMeier(XGraphics g, XRect box, IReadOnlyList<KaplanMeierCurve> published, IReadOnlyList<KaplanMeierCurve> full, string timeLabel)
    {
        var small = Font(7.5);
        var label = Font(8.5);
        var bold = Font(8.5, bold: true);
        var maxTime = published.SelectMany(c => c.Points).Select(p => p.Time).DefaultIfEmpty(0).Max();
        var ticks = KaplanMeierChart.Ticks(maxTime);
        var x0 = box.X + Left;
        var x1 = box.Right - 12;
        var y0 = box.Y + 22;
        var y1 = y0 + PlotHeight;
        double X(double t) => x0 + (ticks[^1] == 0 ? 0 : t / ticks[^1] * (x1 - x0));
        double Y(double s) => y1 - s * PlotHeight;

        // Legend across the top.
        var lx = x0;
        for (var i = 0; i < published.Count; i++)
        {
            g.DrawLine(Pen(i, 2), lx, box.Y + 7, lx + 24, box.Y + 7);
            g.DrawString(published[i].Group, label, XBrushes.Black, lx + 28, box.Y + 7, XStringFormats.CenterLeft);
            lx += 28 + g.MeasureString(published[i].Group, label).Width + 18;
        }

        var grid = new XPen(XColor.FromArgb(0xb1, 0xb4, 0xb6), 0.5);
        foreach (var s in new[] { 0, 0.25, 0.5, 0.75, 1 })
        {
            g.DrawLine(grid, x0, Y(s), x1, Y(s));
            g.DrawString(s.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal), small, XBrushes.Black, x0 - 4, Y(s), XStringFormats.CenterRight);
        }
        var axis = new XPen(XColors.Black, 0.8);
        g.DrawLine(axis, x0, y0, x0, y1);
        g.DrawLine(axis, x0, y1, x1, y1);
        foreach (var t in ticks)
        {
            g.DrawLine(axis, X(t), y1, X(t), y1 + 4);
            g.DrawString(Num(t), small, XBrushes.Black, X(t), y1 + 6, XStringFormats.TopCenter);
        }
        g.DrawString(timeLabel, label, XBrushes.Black, (x0 + x1) / 2, y1 + 18, XStringFormats.TopCenter);
        var state = g.Save();
        g.RotateAtTransform(-90, new XPoint(box.X + 40, (y0 + y1) / 2));
        g.DrawString("Share not yet recalled", label, XBrushes.Black, box.X + 40, (y0 + y1) / 2, XStringFormats.Center);
        g.Restore(state);

        for (var i = 0; i < published.Count; i++)
        {
            var c = published[i];
            var band = Band(c, X, Y);
            if (band.Length > 2) g.DrawPolygon(new XSolidBrush(XColor.FromArgb(40, Colours[i % Colours.Length])), band, XFillMode.Winding);
            g.DrawLines(Pen(i, 1.6), Steps(c, X, Y));
            foreach (var p in c.Points.Where(p => p.NCensor > 0))
                g.DrawLine(Pen(i, 0.8, solid: true), X(p.Time), Y(p.Survival) - 3, X(p.Time), Y(p.Survival) + 3);
        }

        // Numbers at risk under the axis, one row per group, at each tick.
        var ty = y1 + 36;
        g.DrawString("Number at risk", bold, XBrushes.Black, box.X, ty, XStringFormats.TopLeft);
        for (var i = 0; i < published.Count; i++)
        {
            var c = published[i];
            var whole = full.FirstOrDefault(f => f.Group == c.Group);
            var cut = whole is not null && whole.Points.Count > c.Points.Count;
            var y = ty + RowHeight * (i + 1);
            g.DrawString(Short(c.Group, small, g, Left - 8), small, new XSolidBrush(Colours[i % Colours.Length]), box.X, y, XStringFormats.TopLeft);
            foreach (var t in ticks)
            {
                var text = t > c.Points[^1].Time && cut ? "[c]" : KaplanMeierChart.AtRisk(c, t).ToString(CultureInfo.InvariantCulture);
                g.DrawString(text, small, XBrushes.Black, X(t), y, XStringFormats.TopCenter);
            }
        }
    }

    public static double BarsHeight(int bars) => 12 * 2 + bars * 18;

    /// <summary>Horizontal bars from zero, labelled on the left, each value printed at its end ([c] or – without a bar).</summary>
    public static void Bars(XGraphics g, XRect box, string axisLabel, IReadOnlyList<PackBar> bars)
    {
        var label = Font(8.5);
        var small = Font(7.5);
        const double labelWidth = 190;
        var x0 = box.X + labelWidth;
        var x1 = box.Right - 50;
        var max = bars.Select(b => b.Value ?? 0).DefaultIfEmpty(0).Max();
        if (max <= 0) max = 1;
        var y = box.Y;
        foreach (var (b, i) in bars.Select((b, i) => (b, i)))
        {
            g.DrawString(Short(b.Label, label, g, labelWidth - 8), label, XBrushes.Black, box.X, y + 9, XStringFormats.CenterLeft);
            var w = (b.Value ?? 0) / max * (x1 - x0);
            if (b.Value is not null) g.DrawRectangle(new XSolidBrush(Colours[0]), x0, y + 2, w, 14);
            g.DrawString(b.Text, label, XBrushes.Black, x0 + w + 4, y + 9, XStringFormats.CenterLeft);
            y += 18;
        }
        g.DrawLine(new XPen(XColors.Black, 0.8), x0, box.Y, x0, y);
        g.DrawString(axisLabel, small, XBrushes.Black, x0, y + 4, XStringFormats.TopLeft);
    }

    private static XPen Pen(int group, double width, bool solid = false) =>
        new(Colours[group % Colours.Length], width) { DashStyle = solid ? XDashStyle.Solid : Dashes[group % Dashes.Length] };

    private static XPoint[] Steps(KaplanMeierCurve c, Func<double, double> x, Func<double, double> y)
    {
        var points = new List<XPoint> { new(x(0), y(1)) };
        var s = 1.0;
        foreach (var p in c.Points)
        {
            points.Add(new XPoint(x(p.Time), y(s)));
            if (p.Survival != s) points.Add(new XPoint(x(p.Time), y(p.Survival)));
            s = p.Survival;
        }
        return points.ToArray();
    }

    // Upper limits left to right as steps, lower limits back right to left; the band stops where the interval is undefined.
    private static XPoint[] Band(KaplanMeierCurve c, Func<double, double> x, Func<double, double> y)
    {
        var points = c.Points.TakeWhile(p => p.Lower is not null && p.Upper is not null).ToList();
        if (points.Count == 0) return [];
        var upper = new List<XPoint>();
        var lower = new List<XPoint>();
        var (u, l, t0) = (1.0, 1.0, 0.0);
        foreach (var p in points)
        {
            upper.Add(new XPoint(x(t0), y(u))); upper.Add(new XPoint(x(p.Time), y(u)));
            lower.Add(new XPoint(x(t0), y(l))); lower.Add(new XPoint(x(p.Time), y(l)));
            (u, l, t0) = (p.Upper!.Value, p.Lower!.Value, p.Time);
        }
        var end = c.Points.Count > points.Count ? c.Points[points.Count].Time : t0;
        upper.Add(new XPoint(x(t0), y(u))); upper.Add(new XPoint(x(end), y(u)));
        lower.Add(new XPoint(x(t0), y(l))); lower.Add(new XPoint(x(end), y(l)));
        lower.Reverse();
        return [.. upper, .. lower];
    }

    private static string Short(string text, XFont font, XGraphics g, double width)
    {
        if (g.MeasureString(text, font).Width <= width) return text;
        var cut = text.Length;
        while (cut > 1 && g.MeasureString(text[..cut] + "…", font).Width > width) cut--;
        return text[..cut] + "…";
    }

    private static string Num(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Hidden counts in a suppressed table print as [c].</summary>
    public static string Cell(TableEntry e) => e.Published?.ToString(CultureInfo.InvariantCulture) ?? "[c]";
}
