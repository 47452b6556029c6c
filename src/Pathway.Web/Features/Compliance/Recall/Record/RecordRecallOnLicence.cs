using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Web.Features.Licences;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;
using DomainRecallType = Pathway.Domain.Licences.RecallType;
using Pathway.Domain.Auditing;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Compliance.Recall.Record;

/// <summary>
/// Records the recall on the licence's recall history (the licence's own <see cref="Data.Entities.Recall"/>, not a second
/// record) from a countersigned fixed-term or standard recall decision, from <see cref="RecordRecallModel"/> or
/// <c>POST …/recall</c>. A fixed-term recall takes the fixed term recorded with the decision.
/// </summary>
public sealed class RecordRecallOnLicence(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<RecallConsideration>> HandleAsync(CaseContext c, Guid considerationId, DateOnly? recallDate, DateOnly? returnToCustody,
        int? version, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var r = await RecallChange.FindAsync(db, audit, c.Id, considerationId, ct);
        if (r is null) return Outcome.NotFound<RecallConsideration>();
        if (unreadable.Count > 0) return Outcome.Invalid<RecallConsideration>(unreadable);
        if (version is null) return RecallChange.Invalid("Version", RecallChange.SendVersion);
        if (r.Status != RecallConsiderationStatus.Decided || r.Decision is null or RecallDecisionKind.NoRecall)
            return RecallChange.Invalid("Status", "A recall can be recorded only from a countersigned fixed-term or standard recall decision");
        if (r.RecallId is not null) return RecallChange.Invalid("Status", "The recall from this decision is already recorded on the licence");
        var licence = await db.Licences.FirstAsync(l => l.Id == r.LicenceId, ct);
        var errors = LicenceRules.ValidateRecall(recallDate, returnToCustody, null, LicenceDetails.From(licence).Dates).ToList();
        if (recallDate > ComplianceEndpoints.Today(clock)) errors.Add(new("RecallDate", "The recall date cannot be in the future"));
        if (errors.Count > 0) return Outcome.Invalid<RecallConsideration>(errors);
        if (version != r.Version) return Outcome.Conflict(await RecallChange.CurrentAsync(db, r.Id, ct));

        DomainRecallType type;
        if (r.Decision == RecallDecisionKind.StandardRecall) type = DomainRecallType.Standard;
        else if (FixedTermType(r.FixedTermDays) is { } fixedTerm) type = fixedTerm;
        else return RecallChange.Invalid("Status",
            "This fixed-term recall decision was recorded before Pathway kept the recall regime and its fixed term: record the recall, with its length, on the licence's recall history");
        var recall = new Data.Entities.Recall
        {
            LicenceId = licence.Id, CaseId = c.Id, RecallDate = recallDate!.Value, Type = type, ReturnToCustodyDate = returnToCustody,
            Reason = ReasonFor(r), CreatedAt = clock.GetUtcNow(),
        };
        db.Recalls.Add(recall);
        r.RecallId = recall.Id;
        audit.Add(AuditActions.Recall.Record, nameof(Data.Entities.Recall), recall.Id, c.Id, reason: $"consideration {r.Id}");
        return await RecallChange.SaveAsync(db, audit, r, version.Value, null, null, ct);
    }

    private static DomainRecallType? FixedTermType(int? days) => days switch
    {
        14 => DomainRecallType.FixedTerm14Day,
        28 => DomainRecallType.FixedTerm28Day,
        56 => DomainRecallType.FixedTerm56Day,
        _ => null,
    };

    private static string ReasonFor(RecallConsideration r)
    {
        var why = r.Concern is { } concern ? RecallText.Concern(concern) : "Recall";
        var conditions = string.Join("; ", r.BreachedConditions.Select(b => b.Text));
        var text = $"{why}. Conditions breached: {conditions}";
        return text.Length <= Licences.Recalls.NewRecall.ReasonMaxLength ? text : text[..(Licences.Recalls.NewRecall.ReasonMaxLength - 1)] + "…";
    }
}
