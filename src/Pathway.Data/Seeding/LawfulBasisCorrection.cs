using Microsoft.EntityFrameworkCore;
using Pathway.Domain.Auditing;
using Pathway.Domain.Referrals;

namespace Pathway.Data.Seeding;

/// <summary>
/// Brings sharing records made under the old options into line with DOMAIN.md section 10, once, at start-up, with an
/// audit row for each record changed:
/// <list type="bullet">
/// <item>"consent" was offered as if it were the lawful basis; it is the person's agreement under the common-law duty of
/// confidentiality, so the codes are renamed (<c>ConsentGiven</c> → <c>AgreedToSharing</c>,
/// <c>LawfulBasisWithoutConsent</c> → <c>SharedWithoutAgreement</c>);</item>
/// <item>records with no lawful basis (the person had agreed) get the usual one, public task for health or social care;</item>
/// <item>"law enforcement (DPA 2018 Part 3)" is not a basis an NHS trust can rely on; the nearest correct one is public
/// task for health or social care.</item>
/// </list>
/// Raw SQL, because the retired codes no longer parse as enum values. Idempotent: a second run finds nothing.
/// </summary>
public static class LawfulBasisCorrection
{
    public const string Action = AuditActions.LawfulBasis.Correct;

    private sealed record Table(string EntityType, string Select, string Update);

    private const string Columns = """SELECT "Id", "CaseId", "SharingBasis", "LawfulBasis" FROM """;
    private const string Retired = """ WHERE "SharingBasis" IN ('ConsentGiven', 'LawfulBasisWithoutConsent') OR "LawfulBasis" = 'LawEnforcement' OR ("LawfulBasis" IS NULL AND "SharingBasis" IS NOT NULL)""";
    private const string Set = """ SET "SharingBasis" = {0}, "LawfulBasis" = {1}, "Version" = "Version" + 1 WHERE "Id" = {2}""";

    private static readonly Table[] Tables =
    [
        new("Referral", Columns + "\"Referrals\"" + Retired, "UPDATE \"Referrals\"" + Set),
        new("GroupAgendaItem", Columns + "\"GroupAgendaItems\"" + Retired, "UPDATE \"GroupAgendaItems\"" + Set),
    ];

    public sealed class Row
    {
        public Guid Id { get; set; }
        public Guid? CaseId { get; set; }
        public string? SharingBasis { get; set; }
        public string? LawfulBasis { get; set; }
    }

    public static async Task<int> ApplyAsync(PathwayDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        var usual = ReferralOptions.Usual.ToString();
        var changed = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var t in Tables)
        {
            var rows = await db.Database.SqlQueryRaw<Row>(t.Select).ToListAsync(ct);
            foreach (var row in rows)
            {
                var sharing = row.SharingBasis switch
                {
                    "ConsentGiven" => nameof(SharingBasis.AgreedToSharing),
                    "LawfulBasisWithoutConsent" => nameof(SharingBasis.SharedWithoutAgreement),
                    var s => s,
                };
                var lawful = row.LawfulBasis is null or "LawEnforcement" ? usual : row.LawfulBasis;
                // SQLite keeps Guids as upper-case text; PostgreSQL as uuid.
                object id = db.Database.IsSqlite() ? row.Id.ToString().ToUpperInvariant() : row.Id;
                await db.Database.ExecuteSqlRawAsync(t.Update, [sharing!, lawful, id], ct);
                db.AuditEvents.Add(AuditEntries.Create(now, null, "System", Action, t.EntityType, row.Id.ToString(), row.CaseId,
                    reason: $"sharing {row.SharingBasis} → {sharing}; lawful basis {row.LawfulBasis ?? "none"} → {lawful}"));
                // One row a save: the context numbers audit rows only as it saves them.
                await db.SaveChangesAsync(ct);
                changed++;
            }
        }
        await tx.CommitAsync(ct);
        return changed;
    }
}
