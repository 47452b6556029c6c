using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Licences;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall.Record;

/// <summary>The consideration after a re-release, and the licence period that started that day (none on a conflict).</summary>
public sealed record RecallReRelease(RecallConsideration Consideration, Licence? NewLicence);

/// <summary>
/// Re-release after a recall, from <see cref="ReReleaseModel"/> or <c>POST …/re-release</c>: the recall gets its
/// re-release date and a new licence period starts on that day, with the sentence and the additional conditions still in
/// force carried over (the officer reviews them).
/// </summary>
public sealed class ReReleaseAfterRecall(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<RecallReRelease>> HandleAsync(CaseContext c, Guid considerationId, DateOnly? reRelease, DateOnly? returnToCustody,
        int? version, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var r = await RecallChange.FindAsync(db, audit, c.Id, considerationId, ct);
        if (r is null) return Outcome.NotFound<RecallReRelease>();
        if (unreadable.Count > 0) return Outcome.Invalid<RecallReRelease>(unreadable);
        if (version is null) return Invalid("Version", RecallChange.SendVersion);
        if (r.RecallId is null) return Invalid("Status", "Record the recall on the licence before a re-release");
        var recall = await db.Recalls.FirstAsync(x => x.Id == r.RecallId, ct);
        if (recall.ReReleaseDate is not null) return Invalid("Status", "The re-release from this recall is already recorded");
        var old = await db.Licences.Include(l => l.AdditionalConditions).FirstAsync(l => l.Id == recall.LicenceId, ct);
        var rtc = returnToCustody ?? recall.ReturnToCustodyDate;
        var errors = LicenceRules.ValidateRecall(recall.RecallDate, rtc, reRelease, LicenceDetails.From(old).Dates).ToList();
        if (reRelease is null) errors.Add(new("ReReleaseDate", "Enter the re-release date"));
        else if (reRelease > ComplianceEndpoints.Today(clock)) errors.Add(new("ReReleaseDate", "The re-release date cannot be in the future"));
        else if (reRelease >= (old.SentenceExpiryDate ?? old.LicenceExpiryDate))
            errors.Add(new("ReReleaseDate", "Re-release must be before the licence expiry date: after that there is no licence to serve"));
        if (errors.Count > 0) return Outcome.Invalid<RecallReRelease>(errors);
        if (version != r.Version) return Outcome.Conflict(new RecallReRelease(await RecallChange.CurrentAsync(db, r.Id, ct), null));

        var now = clock.GetUtcNow();
        recall.ReturnToCustodyDate = rtc;
        recall.ReReleaseDate = reRelease;
        var licence = new Licence
        {
            CaseId = c.Id, SentenceType = old.SentenceType, SentenceLengthMonths = old.SentenceLengthMonths, IndexOffence = old.IndexOffence,
            ReleaseDate = reRelease!.Value, LicenceExpiryDate = old.LicenceExpiryDate, SentenceExpiryDate = old.SentenceExpiryDate,
            TopUpSupervisionEndDate = old.TopUpSupervisionEndDate, StandardConditionSetCode = old.StandardConditionSetCode, CreatedAt = now,
        };
        licence.AdditionalConditions.AddRange(old.AdditionalConditions.Where(a => a.RemovedAt is null)
            .Select(a => new AdditionalCondition { LicenceId = licence.Id, Category = a.Category, Text = a.Text, CreatedAt = now }));
        db.Licences.Add(licence);
        audit.Add(AuditActions.Recall.ReRelease, nameof(Licence), licence.Id, c.Id, reason: $"recall {recall.Id}");
        return await RecallChange.SaveAsync(db, audit, r, version.Value, null, null, ct) switch
        {
            Outcome<RecallConsideration>.Done d => new RecallReRelease(d.Value, licence),
            Outcome<RecallConsideration>.Conflict x => Outcome.Conflict(new RecallReRelease(x.Current, null)),
            _ => throw new InvalidOperationException("Saving a re-release answers done or conflict."),
        };
    }

    private static Outcome<RecallReRelease> Invalid(string field, string message) => Outcome.Invalid<RecallReRelease>([new(field, message)]);
}
