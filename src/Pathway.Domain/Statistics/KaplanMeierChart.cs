using System.Globalization;
using System.Net;
using System.Text;

namespace Pathway.Domain.Statistics;

/// <summary>
/// Draws Kaplan–Meier curves as a self-contained SVG string (no JavaScript, no fonts to load): step curves with shaded
/// pointwise confidence bands, censoring ticks, a legend, and a numbers-at-risk table under the time axis. Groups differ
/// by line pattern as well as colour, so the chart does not rely on colour alone (WCAG 1.4.1); the SVG carries a title and
/// a text description for screen readers.
/// </summary>
public static class KaplanMeierChart
{
    // GOV.UK Design System colours with at least 3:1 contrast on white; dash patterns repeat the distinction.
    private static readonly string[] Colours = ["#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#f47738", "#28a197"];
    private static readonly string[] Dashes = ["", "8 4", "2 3", "10 3 2 3", "4 4", "1 2"];

    private const int Width = 720;
    private const int Left = 100;
    private const int Right = 24;
    private const int Top = 40;
    private const int PlotHeight = 300;
    private const int RowHeight = 20;

    public static string Render(IReadOnlyList<KaplanMeierCurve> curves, string title, string timeLabel = "Days")
    {
        var maxTime = curves.SelectMany(c => c.Points).Select(p => p.Time).DefaultIfEmpty(0).Max();
        var ticks = Ticks(maxTime);
        var xMax = ticks[^1];
        var plotWidth = Width - Left - Right;
        var axisBottom = Top + PlotHeight;
        var tableTop = axisBottom + 56;
        var height = tableTop + RowHeight * (curves.Count + 1) + 16;
        double X(double t) => Left + (xMax == 0 ? 0 : t / xMax * plotWidth);
        double Y(double s) => Top + (1 - s) * PlotHeight;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"km-title km-desc\" font-family=\"Arial, sans-serif\" font-size=\"14\">");
        svg.Append("<title id=\"km-title\">").Append(Escape(title)).Append("</title>");
        svg.Append("<desc id=\"km-desc\">").Append(Escape(Describe(curves))).Append("</desc>");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");

        // Grid and axes.
        foreach (var s in new[] { 0.0, 0.25, 0.5, 0.75, 1.0 })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Left + plotWidth}\" y1=\"{N(Y(s))}\" y2=\"{N(Y(s))}\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 8}\" y=\"{N(Y(s) + 5)}\" text-anchor=\"end\">{N(s)}</text>");
        }
        foreach (var t in ticks)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(X(t))}\" x2=\"{N(X(t))}\" y1=\"{axisBottom}\" y2=\"{axisBottom + 6}\" stroke=\"#0b0c0c\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(X(t))}\" y=\"{axisBottom + 22}\" text-anchor=\"middle\">{N(t)}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{axisBottom}\" stroke=\"#0b0c0c\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Left + plotWidth}\" y1=\"{axisBottom}\" y2=\"{axisBottom}\" stroke=\"#0b0c0c\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + plotWidth / 2}\" y=\"{axisBottom + 42}\" text-anchor=\"middle\">{Escape(timeLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(16 {Top + PlotHeight / 2}) rotate(-90)\" text-anchor=\"middle\">Proportion without the event</text>");

        for (var g = 0; g < curves.Count; g++)
        {
            var c = curves[g];
            var colour = Colours[g % Colours.Length];
            var dash = Dashes[g % Dashes.Length];
            svg.Append(CultureInfo.InvariantCulture, $"<g aria-hidden=\"true\" data-group=\"{Escape(c.Group)}\">");
            var band = Band(c, X, Y);
            if (band.Length > 0) svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{band}\" fill=\"{colour}\" fill-opacity=\"0.15\" stroke=\"none\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{Steps(c, X, Y)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")}/>");
            foreach (var p in c.Points)
            {
                if (p.NCensor > 0)
                    svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(X(p.Time))}\" x2=\"{N(X(p.Time))}\" y1=\"{N(Y(p.Survival) - 5)}\" y2=\"{N(Y(p.Survival) + 5)}\" stroke=\"{colour}\" stroke-width=\"1.5\"/>");
            }
            // Legend.
            var ly = Top - 22;
            var lx = Left + g * 150;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{lx}\" x2=\"{lx + 28}\" y1=\"{ly}\" y2=\"{ly}\" stroke=\"{colour}\" stroke-width=\"3\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")}/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx + 34}\" y=\"{ly + 5}\">{Escape(c.Group)}</text>");
            svg.Append("</g>");
        }

        // Numbers at risk under the axis, one row per group, at each time tick.
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"8\" y=\"{tableTop}\" font-weight=\"bold\" text-anchor=\"start\">Number at risk</text>");
        for (var g = 0; g < curves.Count; g++)
        {
            var y = tableTop + RowHeight * (g + 1);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"8\" y=\"{y}\" text-anchor=\"start\" fill=\"{Colours[g % Colours.Length]}\">{Escape(Short(curves[g].Group))}</text>");
            foreach (var t in ticks)
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(X(t))}\" y=\"{y}\" text-anchor=\"middle\" data-at-risk=\"{N(t)}\">{AtRisk(curves[g], t)}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>How many were still followed at time t: everyone whose time is t or later.</summary>
    public static int AtRisk(KaplanMeierCurve curve, double t)
    {
        foreach (var p in curve.Points)
            if (p.Time >= t) return p.NRisk;
        return 0;
    }

    /// <summary>"Nice" axis ticks from 0 covering <paramref name="max"/>: steps of 1, 2, 2.5 or 5 × 10^k, at most 7 ticks.</summary>
    public static double[] Ticks(double max)
    {
        if (max <= 0) return [0, 1];
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max / 6)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => Math.Ceiling(max / s) <= 6);
        var count = (int)Math.Ceiling(max / step - 1e-9);
        return Enumerable.Range(0, count + 1).Select(i => i * step).ToArray();
    }

    private static string Steps(KaplanMeierCurve c, Func<double, double> x, Func<double, double> y)
    {
        var d = new StringBuilder($"M{N(x(0))},{N(y(1))}");
        var s = 1.0;
        foreach (var p in c.Points)
        {
            d.Append(CultureInfo.InvariantCulture, $" H{N(x(p.Time))}");
            if (p.Survival != s) d.Append(CultureInfo.InvariantCulture, $" V{N(y(p.Survival))}");
            s = p.Survival;
        }
        return d.ToString();
    }

    // The band as a closed polygon: upper limits left to right as steps, lower limits back right to left.
    // Where R has no interval (S = 0, or S = 1 on the log-log scale) the band stops.
    private static string Band(KaplanMeierCurve c, Func<double, double> x, Func<double, double> y)
    {
        var points = c.Points.TakeWhile(p => p.Lower is not null && p.Upper is not null).ToList();
        if (points.Count == 0) return "";
        var upper = new List<(double X, double Y)>();
        var lower = new List<(double X, double Y)>();
        var (u, l) = (1.0, 1.0);
        var t0 = 0.0;
        foreach (var p in points)
        {
            upper.Add((x(t0), y(u))); upper.Add((x(p.Time), y(u)));
            lower.Add((x(t0), y(l))); lower.Add((x(p.Time), y(l)));
            (u, l, t0) = (p.Upper!.Value, p.Lower!.Value, p.Time);
        }
        var end = c.Points.Count > points.Count ? c.Points[points.Count].Time : t0;
        upper.Add((x(t0), y(u))); upper.Add((x(end), y(u)));
        lower.Add((x(t0), y(l))); lower.Add((x(end), y(l)));
        lower.Reverse();
        return "M" + string.Join(" L", upper.Concat(lower).Select(p => $"{N(p.X)},{N(p.Y)}")) + " Z";
    }

    private static string Describe(IReadOnlyList<KaplanMeierCurve> curves) =>
        "Kaplan–Meier curves with 95% confidence bands. " + string.Join(" ", curves.Select(c =>
            $"{c.Group}: {c.N} people, {c.Events} events, median {(c.Median is { } m ? N(m) : "not reached")}."));

    private static string Short(string label) => label.Length <= 11 ? label : label[..10] + "…";

    private static string N(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Escape(string s) => WebUtility.HtmlEncode(s);
}
