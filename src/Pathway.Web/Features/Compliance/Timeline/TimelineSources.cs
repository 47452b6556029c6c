using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Compliance;
using Pathway.Domain.Incidents;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Cases.Timeline;
using Pathway.Web.Features.Compliance.Contacts;
using Pathway.Web.Features.Compliance.Enforcement;

namespace Pathway.Web.Features.Compliance.Timeline;

/// <summary>Planned contacts and their outcomes: everyone who can read the case sees these.</summary>
public sealed class ContactSource : ITimelineSource
{
    public TimelineKind Kind { get; } = new("contact", "Contacts");
    public bool Visible(IReadOnlySet<StaffRole> roles) => true;

    public async Task<IReadOnlyList<TimelineEntry>> LoadAsync(PathwayDbContext db, Guid caseId, DateOnly today, int limit, CancellationToken ct)
    {
        var rows = await db.Contacts.AsNoTracking().Where(x => x.CaseId == caseId).OrderByDescending(x => x.Date).Take(limit).ToListAsync(ct);
        return rows.Select(x => new TimelineEntry(x.Date, x.CreatedAt, Kind, ContactText.Kind(x.Kind), x.Reason, ContactText.Outcome(x.Outcome),
            $"/cases/{caseId}/contacts/{x.Id}", x.RecordedById)).ToList();
    }
}

public sealed class WarningSource : ITimelineSource
{
    public TimelineKind Kind { get; } = new("warning", "Warning letters");
    public bool Visible(IReadOnlySet<StaffRole> roles) => true;

    public async Task<IReadOnlyList<TimelineEntry>> LoadAsync(PathwayDbContext db, Guid caseId, DateOnly today, int limit, CancellationToken ct)
    {
        var rows = await db.WarningLetters.AsNoTracking().Where(x => x.CaseId == caseId).OrderByDescending(x => x.IssuedOn).Take(limit).ToListAsync(ct);
        return rows.Select(x => new TimelineEntry(x.IssuedOn, x.CreatedAt, Kind, WarningLevels.DisplayName(x.Level) + " letter",
            x.Circumstances + Conditions(x.Conditions), null, $"/cases/{caseId}/warnings/{x.Id}/letter", x.IssuedById)).ToList();
    }

    internal static string Conditions(IEnumerable<Data.Entities.LinkedCondition> cs) =>
        cs.Any() ? " Conditions: " + string.Join("; ", cs.Select(c => c.Text)) : "";
}

public sealed class BreachSource : ITimelineSource
{
    public TimelineKind Kind { get; } = new("breach", "Breaches");
    public bool Visible(IReadOnlySet<StaffRole> roles) => true;

    public async Task<IReadOnlyList<TimelineEntry>> LoadAsync(PathwayDbContext db, Guid caseId, DateOnly today, int limit, CancellationToken ct)
    {
        var rows = await db.Breaches.AsNoTracking().Where(x => x.CaseId == caseId).OrderByDescending(x => x.OccurredOn).Take(limit).ToListAsync(ct);
        return rows.Select(x => new TimelineEntry(x.OccurredOn, x.CreatedAt, Kind, "Breach of licence conditions",
            x.Description + WarningSource.Conditions(x.Conditions), null, null, x.RecordedById)).ToList();
    }
}

public sealed class ConcernSource : ITimelineSource
{
    public TimelineKind Kind { get; } = new("concern", "Behaviours of concern");
    public bool Visible(IReadOnlySet<StaffRole> roles) => true;

    public async Task<IReadOnlyList<TimelineEntry>> LoadAsync(PathwayDbContext db, Guid caseId, DateOnly today, int limit, CancellationToken ct)
    {
        var rows = await db.BehavioursOfConcern.AsNoTracking().Where(x => x.CaseId == caseId).OrderByDescending(x => x.Date).Take(limit).ToListAsync(ct);
        return rows.Select(x => new TimelineEntry(x.Date, x.CreatedAt, Kind, "Behaviour of concern: " + ConcernTypes.DisplayName(x.Type).ToLowerInvariant(),
            x.Description, x.MatchedEarlyWarningSign is { } s ? (x.CarePlanId is null ? "Early warning sign: " : "Care plan sign: ") + s : null,
            null, x.RecordedById)).ToList();
    }
}

/// <summary>Incidents: seen by the roles that see care plans (partner agencies see neither), as on the incidents tab.</summary>
public sealed class IncidentSource : ITimelineSource
{
    public TimelineKind Kind { get; } = new("incident", "Incidents");
    public bool Visible(IReadOnlySet<StaffRole> roles) => CarePlanSections.ViewFor(roles) != CarePlanView.None;

    public async Task<IReadOnlyList<TimelineEntry>> LoadAsync(PathwayDbContext db, Guid caseId, DateOnly today, int limit, CancellationToken ct)
    {
        var rows = await db.Incidents.AsNoTracking().Where(x => x.CaseId == caseId).OrderByDescending(x => x.OccurredAt).Take(limit)
            .Select(x => new { x.Id, x.OccurredAt, x.Type, x.Severity, x.Location, x.RecordedById }).ToListAsync(ct);
        return rows.Select(x => new TimelineEntry(DateOnly.FromDateTime(x.OccurredAt.UtcDateTime), x.OccurredAt, Kind,
            "Incident: " + IncidentTypes.DisplayName(x.Type).ToLowerInvariant(), x.Location, IncidentTypes.DisplayName(x.Severity) + " severity",
            $"/cases/{caseId}/incidents/{x.Id}", x.RecordedById)).ToList();
    }
}

public sealed class ConsultationSource : ITimelineSource
{
    public TimelineKind Kind { get; } = new("consultation", "Consultations");
    public bool Visible(IReadOnlySet<StaffRole> roles) => true;

    public async Task<IReadOnlyList<TimelineEntry>> LoadAsync(PathwayDbContext db, Guid caseId, DateOnly today, int limit, CancellationToken ct)
    {
        var rows = await db.Consultations.AsNoTracking().Where(x => x.CaseId == caseId).OrderByDescending(x => x.HeldOn).Take(limit)
            .Select(x => new { x.Id, x.HeldOn, x.CreatedAt, x.Advice, x.RecordedById }).ToListAsync(ct);
        return rows.Select(x => new TimelineEntry(x.HeldOn, x.CreatedAt, Kind, "Consultation with the psychologist", x.Advice, null,
            $"/cases/{caseId}/consultations/{x.Id}", x.RecordedById)).ToList();
    }
}

/// <summary>
/// Recall considerations: when one was started, and the decision once it was made (no recall, fixed-term or standard),
/// with the oversight rationale. Everyone who can read the case sees these, as on the Compliance tab.
/// </summary>
public sealed class RecallSource : ITimelineSource
{
    public TimelineKind Kind { get; } = new("recall", "Recall decisions");
    public bool Visible(IReadOnlySet<StaffRole> roles) => true;

    public async Task<IReadOnlyList<TimelineEntry>> LoadAsync(PathwayDbContext db, Guid caseId, DateOnly today, int limit, CancellationToken ct)
    {
        var rows = await db.RecallConsiderations.AsNoTracking().Where(x => x.CaseId == caseId).OrderByDescending(x => x.CreatedAt).Take(limit)
            .Select(x => new { x.Id, x.CreatedAt, x.Concern, x.Status, x.Decision, x.DecidedAt, x.DecidedById, x.OversightRationale, x.StartedById })
            .ToListAsync(ct);
        return rows.Select(x =>
        {
            var link = $"/cases/{caseId}/recall/{x.Id}";
            if (x.Decision is { } d && x.DecidedAt is { } at)
                return new TimelineEntry(DateOnly.FromDateTime(at.UtcDateTime), at, Kind, "Recall decision: " + Recall.RecallText.Decision(d).ToLowerInvariant(),
                    x.OversightRationale, Recall.RecallText.Status(x.Status), link, x.DecidedById);
            return new TimelineEntry(DateOnly.FromDateTime(x.CreatedAt.UtcDateTime), x.CreatedAt, Kind, "Recall being considered",
                x.Concern is { } c ? Recall.RecallText.Concern(c) : null, Recall.RecallText.Status(x.Status), link, x.StartedById);
        }).ToList();
    }
}
