using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Domain.Auditing;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Cases.Import;

/// <summary>
/// An administrator's upload of probation's extract (<see cref="ImportCases"/>): the file is checked first (a dry run
/// showing every problem by row and column, and what would be created, updated or left alone); only a file with no
/// problems can then be imported. The checked file rides to the confirm step inside the form, compressed and sealed
/// with data protection for <see cref="ConfirmWithin"/>, so what is imported is exactly what was checked, on any
/// instance, with nothing kept on the server in between. Administrators see no case data: the report names rows, CRNs
/// and columns, never the values.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Audited(AuditActions.Case.ImportVerify)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + 64 * 1024, ValueLengthLimit = MaxFileBytes)]
[RequestSizeLimit(MaxFileBytes + 64 * 1024)]
public sealed class ImportModel(ImportCases import, IDataProtectionProvider protection) : PageModel
{
    /// <summary>The largest file the page takes (about 50,000 rows); larger extracts go through <c>pathway import cases</c>.</summary>
    public const int MaxFileBytes = 10 * 1024 * 1024;

    public static readonly TimeSpan ConfirmWithin = TimeSpan.FromMinutes(30);

    /// <summary>Rows of each kind listed on the page; the rest are counted.</summary>
    public const int Listed = 200;

    [BindProperty] public string? Checked { get; set; }
    public string? FileName { get; private set; }
    public ImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostCheckAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Refuse("Select a CSV or JSON file");
        if (file.Length > MaxFileBytes) return Refuse("The file must be smaller than 10 MB: import larger extracts with the pathway command");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        FileName = Path.GetFileName(file.FileName);
        var outcome = await import.HandleAsync(Actor, FileName, new MemoryStream(bytes), dryRun: true, null, ct);
        return await this.PresentAsync(outcome, report =>
        {
            Report = report;
            if (!report.HasProblems) Checked = Seal(FileName, bytes);
            return Page();
        }, prefix: "");
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (Unseal(Checked) is not { } upload) return Refuse("The checked file has expired or was changed: upload it again");
        FileName = upload.Name;
        var outcome = await import.HandleAsync(Actor, upload.Name, new MemoryStream(upload.Bytes), dryRun: false, null, ct);
        Checked = null;
        return await this.PresentAsync(outcome, report =>
        {
            Report = report;
            return Page();
        }, prefix: "");
    }

    private ImportActor Actor => new(User.ToStaffContext().UserId, User.PrimaryRole() ?? "Administrator");

    private PageResult Refuse(string message)
    {
        ModelState.Clear();
        new[] { new FieldError(CaseFile.Field, message) }.AddTo(ModelState, "");
        return Page();
    }

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Pathway.CaseImport.v1").ToTimeLimitedDataProtector();

    private string Seal(string name, byte[] bytes)
    {
        using var sealedStream = new MemoryStream();
        using (var writer = new BinaryWriter(new GZipStream(sealedStream, CompressionLevel.Optimal, leaveOpen: true)))
        {
            writer.Write(name);
            writer.Write(bytes.Length);
            writer.Write(bytes);
        }
        return Convert.ToBase64String(Protector.Protect(sealedStream.ToArray(), ConfirmWithin));
    }

    private (string Name, byte[] Bytes)? Unseal(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var raw = Protector.Unprotect(Convert.FromBase64String(token));
            using var reader = new BinaryReader(new GZipStream(new MemoryStream(raw), CompressionMode.Decompress));
            var name = reader.ReadString();
            var bytes = reader.ReadBytes(reader.ReadInt32());
            return (name, bytes);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or EndOfStreamException or InvalidDataException)
        {
            return null;
        }
    }
}
