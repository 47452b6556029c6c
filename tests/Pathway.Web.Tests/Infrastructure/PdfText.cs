using System.Diagnostics;
using System.Net;

namespace Pathway.Web.Tests.Infrastructure;

/// <summary>Fetches a PDF and extracts its text with poppler's pdftotext: proves the file is a real, readable PDF.</summary>
public static class PdfText
{
    public static async Task<string> ReadAsync(HttpClient client, string url, Func<string>? onFailure = null)
    {
        var res = await client.GetAsync(url);
        Assert.True(res.StatusCode == HttpStatusCode.OK, $"{url}: {res.StatusCode} {onFailure?.Invoke()}");
        Assert.Equal("application/pdf", res.Content.Headers.ContentType?.MediaType);
        var bytes = await res.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        var file = Path.Combine(Path.GetTempPath(), $"pathway-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, bytes);
        try
        {
            using var p = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", file, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            Assert.True(p.ExitCode == 0, "pdftotext could not read the PDF: " + await p.StandardError.ReadToEndAsync());
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
