using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Configuration;
using Pathway.Domain.Assessments;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.Assessments;

public sealed record NeedInput(NeedArea Area, NeedPriority Priority, string? Detail);

/// <summary>
/// A change to one section: its text fields (a field left out or blank is cleared), or the needs, or the withheld
/// information, plus for the risk section the OGRS3 calculation it relies on. Already parsed; see <see cref="ValidateAsync"/>.
/// </summary>
public sealed record SectionInput(
    SectionDefinition Section,
    IReadOnlyDictionary<string, string?> Fields,
    IReadOnlyList<NeedInput> Needs,
    string? Withheld,
    Guid? Ogrs3ScoreId)
{
    /// <summary>Problems a person can fix, each against its field (<c>Fields[key]</c>, <c>Needs</c>, <c>Withheld</c>, <c>Ogrs3ScoreId</c>).</summary>
    public async Task<List<FieldError>> ValidateAsync(PathwayDbContext db, Guid caseId, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var known = Section.Fields.ToDictionary(f => f.Key, StringComparer.Ordinal);
        if (!Section.IsStructured)
        {
            foreach (var (key, value) in Fields)
            {
                if (!known.TryGetValue(key, out var def))
                {
                    errors.Add(new($"Fields[{key}]", $"'{Echo.Of(key)}' is not a field of the {Section.Title.ToLowerInvariant()} section"));
                    continue;
                }
                if (value is { Length: > AssessmentLimits.FieldText })
                    errors.Add(new($"Fields[{key}]", $"{def.Label} must be {AssessmentLimits.FieldText:N0} characters or fewer"));
                if (def.Kind == FieldKind.Rating && !string.IsNullOrWhiteSpace(value) && !AssessmentSections.Ratings.Contains(value.Trim()))
                    errors.Add(new($"Fields[{key}]", $"{def.Label} must be one of: {string.Join(", ", AssessmentSections.Ratings)}"));
            }
        }
        if (Section.Key == AssessmentSections.Needs)
        {
            foreach (var dup in Needs.GroupBy(n => n.Area).Where(g => g.Count() > 1))
                errors.Add(new("Needs", $"{AssessmentNames.DisplayName(dup.Key)} is listed more than once"));
            foreach (var n in Needs.Where(n => n.Detail is { Length: > AssessmentLimits.NeedDetail }))
                errors.Add(new($"Needs[{n.Area}]", $"The detail for {AssessmentNames.DisplayName(n.Area).ToLowerInvariant()} must be {AssessmentLimits.NeedDetail:N0} characters or fewer"));
        }
        if (Section.Key == AssessmentSections.Withheld && Withheld is { Length: > AssessmentLimits.FieldText })
            errors.Add(new("Withheld", $"The information not to be disclosed must be {AssessmentLimits.FieldText:N0} characters or fewer"));
        if (Section.Key == "risk" && Ogrs3ScoreId is { } scoreId && !await db.Ogrs3Scores.AnyAsync(s => s.Id == scoreId && s.CaseId == caseId, ct))
            errors.Add(new("Ogrs3ScoreId", "Choose an OGRS3 calculation made on this case"));
        return errors;
    }
}
