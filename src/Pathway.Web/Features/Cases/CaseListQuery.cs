using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Cases;

namespace Pathway.Web.Features.Cases;

public enum CaseListView
{
    /// <summary>People allocated to me as offender manager or psychologist.</summary>
    Mine,
    /// <summary>My team's cases.</summary>
    Team,
    /// <summary>Every case I can see.</summary>
    All,
}

public enum CaseSort
{
    Name,
    Crn,
    DateOfBirth,
    Rosh,
    Updated,
}

/// <summary>Search, filter, sort and page over the cases a person can see. Shared by the list page and the API.</summary>
public sealed record CaseListQuery(
    string? Search = null, CaseListView View = CaseListView.All, RoshLevel? Rosh = null, bool? Mappa = null,
    CaseSort Sort = CaseSort.Name, bool Descending = false, int Page = 1, int PageSize = 25)
{
    public const int MaxPageSize = 100;

    public sealed record Row(Guid Id, string Crn, string GivenName, string FamilyName, DateOnly DateOfBirth, RoshLevel RoshLevel,
        MappaCategory MappaCategory, MappaLevel MappaLevel, RiskFlag Flags, bool IsRestricted, string? TeamName, string? OffenderManagerName);

    public sealed record Result(IReadOnlyList<Row> Items, int Total, int Page, int PageSize)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public async Task<Result> RunAsync(IQueryable<CaseRecord> visible, StaffContext who, CancellationToken ct)
    {
        var page = Math.Max(1, Page);
        var size = Math.Clamp(PageSize, 1, MaxPageSize);
        var q = visible;
        q = View switch
        {
            CaseListView.Mine => q.Where(c => c.OffenderManagerId == who.UserId || c.PsychologistId == who.UserId),
            CaseListView.Team => q.Where(c => c.TeamId == who.TeamId || c.ApprovedPremisesId == who.TeamId),
            _ => q,
        };
        q = ApplySearch(q, Search);
        if (Rosh is { } r) q = q.Where(c => c.RoshLevel == r);
        if (Mappa is true) q = q.Where(c => c.MappaCategory != MappaCategory.None);
        if (Mappa is false) q = q.Where(c => c.MappaCategory == MappaCategory.None);

        var total = await q.CountAsync(ct);
        q = (Sort, Descending) switch
        {
            (CaseSort.Crn, false) => q.OrderBy(c => c.Crn),
            (CaseSort.Crn, true) => q.OrderByDescending(c => c.Crn),
            (CaseSort.DateOfBirth, false) => q.OrderBy(c => c.DateOfBirth).ThenBy(c => c.Crn),
            (CaseSort.DateOfBirth, true) => q.OrderByDescending(c => c.DateOfBirth).ThenBy(c => c.Crn),
            // RoSH is stored as text; order by severity, not alphabet.
            (CaseSort.Rosh, false) => q.OrderBy(c => c.RoshLevel == RoshLevel.VeryHigh ? 0 : c.RoshLevel == RoshLevel.High ? 1 : c.RoshLevel == RoshLevel.Medium ? 2 : 3).ThenBy(c => c.FamilyNameSearch),
            (CaseSort.Rosh, true) => q.OrderBy(c => c.RoshLevel == RoshLevel.Low ? 0 : c.RoshLevel == RoshLevel.Medium ? 1 : c.RoshLevel == RoshLevel.High ? 2 : 3).ThenBy(c => c.FamilyNameSearch),
            (CaseSort.Updated, false) => q.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Crn),
            (CaseSort.Updated, true) => q.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Crn),
            (_, false) => q.OrderBy(c => c.FamilyNameSearch).ThenBy(c => c.GivenNameSearch).ThenBy(c => c.Crn),
            (_, true) => q.OrderByDescending(c => c.FamilyNameSearch).ThenByDescending(c => c.GivenNameSearch).ThenBy(c => c.Crn),
        };
        var items = await q.Skip((page - 1) * size).Take(size)
            .Select(c => new Row(c.Id, c.Crn, c.GivenName, c.FamilyName, c.DateOfBirth, c.RoshLevel, c.MappaCategory, c.MappaLevel,
                c.Flags, c.IsRestricted, c.Team!.Name, c.OffenderManager!.DisplayName))
            .ToListAsync(ct);
        return new Result(items, total, page, size);
    }

    /// <summary>
    /// A CRN finds that case exactly; otherwise each word must start a given or family name. Prefix ranges on the
    /// lower-cased name columns use their indexes on both SQLite and PostgreSQL (LIKE would not, case-insensitively).
    /// </summary>
    public static IQueryable<CaseRecord> ApplySearch(IQueryable<CaseRecord> q, string? search)
    {
        if (string.IsNullOrWhiteSpace(search)) return q;
        var term = search.Trim();
        var crn = Crn.Normalise(term);
        if (Crn.IsValid(crn)) return q.Where(c => c.Crn == crn);
        foreach (var word in term.ToLowerInvariant().Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Take(4))
        {
            var lo = word;
            var hi = word[..^1] + (char)(word[^1] + 1);
            q = q.Where(c => (string.Compare(c.FamilyNameSearch, lo) >= 0 && string.Compare(c.FamilyNameSearch, hi) < 0)
                          || (string.Compare(c.GivenNameSearch, lo) >= 0 && string.Compare(c.GivenNameSearch, hi) < 0));
        }
        return q;
    }
}
