using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage;

/// <summary>
/// Replaces which courses each staff group must complete ("groupId:courseId" pairs) and sets each course's refresher
/// interval (months as typed, blank for none).
/// </summary>
public sealed class SetTrainingRequirements(PathwayDbContext db, AuditLog audit)
{
    public async Task<Outcome<int>> HandleAsync(IReadOnlyList<string> required, IReadOnlyDictionary<Guid, string?> refresher, CancellationToken ct)
    {
        var groups = await db.StaffGroups.AsNoTracking().Select(g => g.Id).ToListAsync(ct);
        var courses = await db.Courses.OrderBy(c => c.Title).ToListAsync(ct);
        var errors = new List<FieldError>();
        var months = new Dictionary<Guid, int?>();
        foreach (var c in courses)
        {
            var raw = refresher.GetValueOrDefault(c.Id)?.Trim();
            if (string.IsNullOrEmpty(raw)) months[c.Id] = null;
            else if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 120) months[c.Id] = m;
            else errors.Add(new($"Refresher[{c.Id}]", $"Refresher interval for {c.Title} must be a whole number of months from 1 to 120, or blank for none"));
        }
        var valid = groups.SelectMany(g => courses.Select(c => $"{g}:{c.Id}")).ToHashSet();
        if (required.Any(r => !valid.Contains(r))) errors.Add(new("", "Select requirements from the groups and courses shown"));
        if (errors.Count > 0) return Outcome.Invalid<int>(errors);

        var distinct = required.Distinct().ToList();
        db.StaffGroupRequirements.RemoveRange(await db.StaffGroupRequirements.ToListAsync(ct));
        db.StaffGroupRequirements.AddRange(distinct.Select(r => r.Split(':'))
            .Select(p => new StaffGroupRequirement { GroupId = Guid.Parse(p[0]), CourseId = Guid.Parse(p[1]) }));
        foreach (var c in courses) c.RefresherMonths = months[c.Id];
        audit.Add(null, "StaffGroupRequirement", null, null, reason: $"{distinct.Count} requirements");
        await db.SaveChangesAsync(ct);
        return distinct.Count;
    }
}
