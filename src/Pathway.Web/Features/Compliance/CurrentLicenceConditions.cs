using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.Compliance;

/// <summary>
/// The conditions of the person's current licence, as choices for records that point at conditions (concerns, warning
/// letters, breaches, recall considerations). Current = in force today; failing that, the most recent licence.
/// </summary>
public sealed record CurrentLicenceConditions(Licence? Licence, IReadOnlyList<LinkedCondition> Choices)
{
    public static async Task<CurrentLicenceConditions> LoadAsync(PathwayDbContext db, Guid caseId, DateOnly today, CancellationToken ct)
    {
        var licences = await db.Licences.AsNoTracking().Where(l => l.CaseId == caseId)
            .Include(l => l.StandardConditionSet).ThenInclude(s => s!.Items)
            .Include(l => l.AdditionalConditions)
            .AsSplitQuery()
            .ToListAsync(ct);
        var licence = licences.Where(l => l.IsCurrentOn(today)).MaxBy(l => l.ReleaseDate) ?? licences.MaxBy(l => l.ReleaseDate);
        if (licence is null) return new(null, []);
        var choices = (licence.StandardConditionSet?.Items ?? []).OrderBy(i => i.Number)
            .Select(i => new LinkedCondition { Ref = "S:" + i.Code, Text = $"Standard condition {i.Number}: {i.Text}" })
            .Concat(licence.AdditionalConditions.Where(a => a.RemovedAt is null).OrderBy(a => a.CreatedAt)
                .Select(a => new LinkedCondition { Ref = "A:" + a.Id, Text = $"{AdditionalConditionCategories.DisplayName(a.Category)}: {a.Text}" }))
            .ToList();
        return new(licence, choices);
    }

    /// <summary>The chosen conditions, with their wording copied; a ref that is not on the licence is an error.</summary>
    public List<LinkedCondition> Resolve(IEnumerable<string>? refs, string field, List<FieldError> errors)
    {
        var chosen = new List<LinkedCondition>();
        foreach (var r in (refs ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct(StringComparer.Ordinal))
        {
            var match = Choices.FirstOrDefault(c => c.Ref == r);
            if (match is null) errors.Add(new(field, $"'{Echo.Of(r)}' is not a condition of the current licence"));
            else chosen.Add(new LinkedCondition { Ref = match.Ref, Text = match.Text });
        }
        return chosen;
    }
}
