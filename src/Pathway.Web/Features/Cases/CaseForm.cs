using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Domain.Cases;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Cases;

/// <summary>The case form as posted: text for everything, parsed into <see cref="CaseDetails"/> with messages.</summary>
public sealed class CaseForm
{
    public string? Crn { get; set; }
    public string? PncNumber { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public DateParts DateOfBirth { get; set; } = new();
    public string? Gender { get; set; }
    public string? Ethnicity { get; set; }
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? TownOrCity { get; set; }
    public string? Postcode { get; set; }
    /// <summary>"yes", "no" or "unknown".</summary>
    public string? RegisteredWithGp { get; set; }
    public string? ApprovedPremisesId { get; set; }
    public string? RoshLevel { get; set; }
    public string? MappaCategory { get; set; }
    public string? MappaLevel { get; set; }
    public List<string> Flags { get; set; } = [];
    public string? TeamId { get; set; }
    public string? OffenderManagerId { get; set; }
    public string? PsychologistId { get; set; }
    public bool IsRestricted { get; set; }
    public int Version { get; set; }

    public static CaseForm From(CaseDetails d, int version) => new()
    {
        Crn = d.Crn, PncNumber = d.PncNumber, GivenName = d.GivenName, FamilyName = d.FamilyName,
        DateOfBirth = DateParts.From(d.DateOfBirth), Gender = d.Gender?.ToString(), Ethnicity = d.Ethnicity?.ToString(),
        AddressLine1 = d.AddressLine1, AddressLine2 = d.AddressLine2, TownOrCity = d.TownOrCity, Postcode = d.Postcode,
        RegisteredWithGp = d.RegisteredWithGp switch { true => "yes", false => "no", null => "unknown" },
        ApprovedPremisesId = d.ApprovedPremisesId?.ToString(), RoshLevel = d.RoshLevel?.ToString(),
        MappaCategory = d.MappaCategory?.ToString(), MappaLevel = d.MappaLevel?.ToString(),
        Flags = RiskFlags.Split(d.Flags).Select(f => f.ToString()).ToList(), TeamId = d.TeamId?.ToString(),
        OffenderManagerId = d.OffenderManagerId?.ToString(), PsychologistId = d.PsychologistId?.ToString(),
        IsRestricted = d.IsRestricted, Version = version,
    };

    /// <summary>Parses the form. Problems with the typing itself (a date that is not a date) are added to <paramref name="errors"/>.</summary>
    public CaseDetails Parse(List<FieldError> errors)
    {
        var dobError = DateOfBirth.TryParse("Date of birth", out var dob);
        if (dobError is not null) errors.Add(new(nameof(DateOfBirth), dobError));
        return new CaseDetails
        {
            Crn = Crn, PncNumber = PncNumber, GivenName = GivenName, FamilyName = FamilyName, DateOfBirth = dob,
            Gender = ParseEnum<Gender>(Gender), Ethnicity = ParseEnum<Ethnicity>(Ethnicity),
            AddressLine1 = AddressLine1, AddressLine2 = AddressLine2, TownOrCity = TownOrCity, Postcode = Postcode,
            RegisteredWithGp = RegisteredWithGp switch { "yes" => true, "no" => false, _ => null },
            ApprovedPremisesId = ParseGuid(ApprovedPremisesId), RoshLevel = ParseEnum<RoshLevel>(RoshLevel),
            MappaCategory = ParseEnum<MappaCategory>(MappaCategory) ?? Domain.Cases.MappaCategory.None,
            MappaLevel = ParseEnum<MappaLevel>(MappaLevel) ?? Domain.Cases.MappaLevel.None,
            Flags = RiskFlags.Combine(Flags.Select(f => Enum.TryParse<RiskFlag>(f, out var v) ? v : RiskFlag.None)),
            TeamId = ParseGuid(TeamId), OffenderManagerId = ParseGuid(OffenderManagerId), PsychologistId = ParseGuid(PsychologistId),
            IsRestricted = IsRestricted,
        };
    }

    private static T? ParseEnum<T>(string? s) where T : struct, Enum => Enum.TryParse<T>(s, out var v) && Enum.IsDefined(v) ? v : null;
    private static Guid? ParseGuid(string? s) => Guid.TryParse(s, out var g) ? g : null;
}

/// <summary>The choices the case form offers: teams, approved premises and staff.</summary>
public sealed record CaseFormOptions(
    IReadOnlyList<Govuk.Option> Teams, IReadOnlyList<Govuk.Option> Premises,
    IReadOnlyList<Govuk.Option> OffenderManagers, IReadOnlyList<Govuk.Option> Psychologists)
{
    /// <summary>The choices for <paramref name="who"/>: only the teams they may place a case in, and the one it is in now.</summary>
    public static async Task<CaseFormOptions> LoadAsync(PathwayDbContext db, StaffContext who, Guid? currentTeam, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().Where(t => t.Kind == TeamKind.Probation || t.Kind == TeamKind.ApprovedPremises)
            .OrderBy(t => t.Name).Select(t => new { t.Id, t.Name, t.Kind }).ToListAsync(ct);
        async Task<List<Govuk.Option>> Staff(IReadOnlySet<StaffRole> roles)
        {
            var names = roles.Select(r => r.ToString()).ToArray();
            var roleIds = await db.Roles.Where(r => names.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
            var staff = await db.Users.AsNoTracking()
                .Where(u => u.DisabledAt == null && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
                .OrderBy(u => u.DisplayName)
                .Select(u => new { u.Id, u.DisplayName, Team = u.Team != null ? u.Team.Name : null })
                .ToListAsync(ct);
            // Format the id in C#, as the form does: SQLite would render it upper-case, the current allocation would not
            // match its option, and saving the form would silently unallocate the case.
            return staff.Select(u => new Govuk.Option(u.Id.ToString(), u.DisplayName + (u.Team is null ? "" : $" ({u.Team})"))).ToList();
        }
        return new CaseFormOptions(
            teams.Where(t => t.Kind == TeamKind.Probation && (t.Id == currentTeam || CaseWritePolicy.MayPlaceIn(who, t.Id))).Select(t => new Govuk.Option(t.Id.ToString(), t.Name)).ToList(),
            teams.Where(t => t.Kind == TeamKind.ApprovedPremises).Select(t => new Govuk.Option(t.Id.ToString(), t.Name)).ToList(),
            await Staff(RoleSets.Probation),
            await Staff(RoleSets.Clinicians));
    }
}
