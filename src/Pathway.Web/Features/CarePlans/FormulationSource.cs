using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Assessments;

namespace Pathway.Web.Features.CarePlans;

/// <summary>The formulation a new plan is drawn from: which assessment version, and its text fields by key.</summary>
public sealed record Formulation(Guid AssessmentId, int VersionNumber, DateOnly AssessmentDate, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>
    /// The plan's first answers drawn from it, in plain words to be edited: the narrative formulation (or the 5 Ps) as
    /// the summary, how difficulties show, and the alternatives to recall the assessment recommended.
    /// </summary>
    public IReadOnlyDictionary<string, string> PlanText()
    {
        string? F(string key) => Fields.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        string? Join(params (string Label, string Key)[] parts)
        {
            var lines = parts.Where(p => F(p.Key) is not null).Select(p => $"{p.Label}: {F(p.Key)}").ToList();
            return lines.Count == 0 ? null : string.Join('\n', lines);
        }
        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        void Put(string key, string? value) { if (value is not null) text[key] = value; }
        Put("understanding.summary", F("formulation.narrative") ?? Join(("Presenting", "formulation.presenting"), ("Predisposing", "formulation.predisposing"),
            ("Precipitating", "formulation.precipitating"), ("Perpetuating", "formulation.perpetuating"), ("Protective", "formulation.protective")));
        Put("understanding.presentation", Join(("Behaviour", "presentation.behaviour"), ("Emotions", "presentation.emotions"),
            ("Thinking", "presentation.thinking"), ("Relationships", "presentation.relationships")));
        Put("triggers", F("formulation.precipitating"));
        Put("contingency.alternatives", F("recommendations.alternatives"));
        return text;
    }
}

/// <summary>Where a new care plan starts from: the case's latest formulation (5 Ps).</summary>
public interface IFormulationSource
{
    Task<Formulation?> LatestAsync(Guid caseId, CancellationToken ct);
}

/// <summary>
/// The formulation of the case's latest locked (countersigned) specialist assessment. A draft or a submitted but
/// unsigned assessment is not drawn from: a plan is built on an agreed formulation. The withheld section is never read.
/// </summary>
public sealed class LatestLockedFormulation(PathwayDbContext db) : IFormulationSource
{
    private static readonly string[] Keys =
    [
        .. AssessmentSections.Find("formulation")!.Fields.Select(f => f.Key),
        .. AssessmentSections.Find("presentation")!.Fields.Select(f => f.Key),
        "recommendations.alternatives",
    ];

    public async Task<Formulation?> LatestAsync(Guid caseId, CancellationToken ct)
    {
        var latest = await db.Assessments.AsNoTracking()
            .Where(a => a.CaseId == caseId && a.Status == AssessmentStatus.Locked)
            .OrderByDescending(a => a.AssessmentDate).ThenByDescending(a => a.VersionNumber).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.VersionNumber, a.AssessmentDate }).FirstOrDefaultAsync(ct);
        if (latest is null) return null;
        var fields = await db.AssessmentFields.AsNoTracking().Where(f => f.AssessmentId == latest.Id && Keys.Contains(f.Key))
            .ToDictionaryAsync(f => f.Key, f => f.Text, StringComparer.Ordinal, ct);
        return new Formulation(latest.Id, latest.VersionNumber, latest.AssessmentDate, fields);
    }
}
