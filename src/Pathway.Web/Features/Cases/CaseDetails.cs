using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Cases;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Cases;

/// <summary>
/// A person's details as submitted by a form or the API, already parsed into typed values. The referral date is not
/// among them: only the referral workflow sets it (<see cref="Domain.Access.CaseWritePolicy"/>).
/// </summary>
public sealed record CaseDetails
{
    public string? Crn { get; init; }
    public string? PncNumber { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public Gender? Gender { get; init; }
    public Ethnicity? Ethnicity { get; init; }
    public string? AddressLine1 { get; init; }
    public string? AddressLine2 { get; init; }
    public string? TownOrCity { get; init; }
    public string? Postcode { get; init; }
    public bool? RegisteredWithGp { get; init; }
    public Guid? ApprovedPremisesId { get; init; }
    public RoshLevel? RoshLevel { get; init; }
    public MappaCategory? MappaCategory { get; init; }
    public MappaLevel? MappaLevel { get; init; }
    public RiskFlag Flags { get; init; }
    public Guid? TeamId { get; init; }
    public Guid? OffenderManagerId { get; init; }
    public Guid? PsychologistId { get; init; }
    public bool IsRestricted { get; init; }

    public static CaseDetails From(CaseRecord c) => new()
    {
        Crn = c.Crn, PncNumber = c.PncNumber, GivenName = c.GivenName, FamilyName = c.FamilyName, DateOfBirth = c.DateOfBirth,
        Gender = c.Gender, Ethnicity = c.Ethnicity, AddressLine1 = c.AddressLine1, AddressLine2 = c.AddressLine2,
        TownOrCity = c.TownOrCity, Postcode = c.Postcode, RegisteredWithGp = c.RegisteredWithGp, ApprovedPremisesId = c.ApprovedPremisesId, RoshLevel = c.RoshLevel,
        MappaCategory = c.MappaCategory, MappaLevel = c.MappaLevel, Flags = c.Flags, TeamId = c.TeamId,
        OffenderManagerId = c.OffenderManagerId, PsychologistId = c.PsychologistId, IsRestricted = c.IsRestricted,
    };
}

/// <summary>Validates <see cref="CaseDetails"/> against the rules and the database, and applies them to a record.</summary>
public static class CaseDetailsRules
{
    public static async Task<List<FieldError>> ValidateAsync(CaseDetails d, PathwayDbContext db, Guid? existingId, DateOnly today, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        void Add(string field, string? message)
        {
            if (message is not null) errors.Add(new FieldError(field, message));
        }

        Add(nameof(d.Crn), Crn.Validate(d.Crn));
        if (Crn.IsValid(Crn.Normalise(d.Crn)))
        {
            var crn = Crn.Normalise(d.Crn);
            if (await db.Cases.AnyAsync(c => c.Crn == crn && c.Id != existingId, ct))
                Add(nameof(d.Crn), "A case with this CRN already exists");
        }
        Add(nameof(d.PncNumber), Domain.Cases.PncNumber.Validate(d.PncNumber));
        Add(nameof(d.GivenName), PersonDetailsRules.ValidateName(d.GivenName, "given name"));
        Add(nameof(d.FamilyName), PersonDetailsRules.ValidateName(d.FamilyName, "family name"));
        Add(nameof(d.DateOfBirth), PersonDetailsRules.ValidateDateOfBirth(d.DateOfBirth, today));
        if (d.Gender is null) Add(nameof(d.Gender), "Select the person's gender");
        if (d.Ethnicity is null) Add(nameof(d.Ethnicity), "Select the person's ethnic group, or 'Not stated'");
        if (d.RoshLevel is null) Add(nameof(d.RoshLevel), "Select the risk of serious harm level");
        Add(nameof(d.MappaLevel), Mappa.Validate(d.MappaCategory ?? Domain.Cases.MappaCategory.None, d.MappaLevel ?? Domain.Cases.MappaLevel.None));
        if (d.Postcode is { Length: > 10 }) Add(nameof(d.Postcode), "Postcode must be 10 characters or fewer");
        foreach (var (field, value, max) in new[] { (nameof(d.AddressLine1), d.AddressLine1, 200), (nameof(d.AddressLine2), d.AddressLine2, 200), (nameof(d.TownOrCity), d.TownOrCity, 100) })
            if (value is { } v && v.Length > max) Add(field, $"Must be {max} characters or fewer");

        if (d.TeamId is null) Add(nameof(d.TeamId), "Select the probation team");
        else if (!await db.Teams.AnyAsync(t => t.Id == d.TeamId && t.Kind == TeamKind.Probation, ct))
            Add(nameof(d.TeamId), "Select a probation team from the list");
        if (d.ApprovedPremisesId is { } ap && !await db.Teams.AnyAsync(t => t.Id == ap && t.Kind == TeamKind.ApprovedPremises, ct))
            Add(nameof(d.ApprovedPremisesId), "Select an approved premises from the list");
        if (d.OffenderManagerId is { } om)
        {
            var ok = await StaffInRoles(db, om, RoleSets.Probation).AnyAsync(u => u.TeamId == d.TeamId, ct);
            if (!ok) Add(nameof(d.OffenderManagerId), "Select an offender manager from the case's probation team");
        }
        if (d.PsychologistId is { } psych
            && !await StaffInRoles(db, psych, RoleSets.Clinicians).AnyAsync(ct))
            Add(nameof(d.PsychologistId), "Select a psychologist from the list");
        return errors;
    }

    private static IQueryable<StaffUser> StaffInRoles(PathwayDbContext db, Guid userId, IReadOnlySet<StaffRole> roles)
    {
        var names = roles.Select(r => r.ToString()).ToArray();
        return db.Users.Where(u => u.Id == userId && u.DisabledAt == null
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && names.Contains(r.Name!))));
    }

    /// <summary>Copies validated details onto the record. Restricting a case names the people who must keep access.</summary>
    public static void Apply(CaseDetails d, CaseRecord c, Guid actingUser)
    {
        c.Crn = Crn.Normalise(d.Crn);
        c.PncNumber = Domain.Cases.PncNumber.Normalise(d.PncNumber);
        c.GivenName = d.GivenName!.Trim();
        c.FamilyName = d.FamilyName!.Trim();
        c.DateOfBirth = d.DateOfBirth!.Value;
        c.Gender = d.Gender!.Value;
        c.Ethnicity = d.Ethnicity!.Value;
        c.AddressLine1 = Clean(d.AddressLine1);
        c.AddressLine2 = Clean(d.AddressLine2);
        c.TownOrCity = Clean(d.TownOrCity);
        c.Postcode = Clean(d.Postcode)?.ToUpperInvariant();
        c.RegisteredWithGp = d.RegisteredWithGp;
        c.ApprovedPremisesId = d.ApprovedPremisesId;
        c.RoshLevel = d.RoshLevel!.Value;
        c.MappaCategory = d.MappaCategory ?? MappaCategory.None;
        c.MappaLevel = d.MappaLevel ?? MappaLevel.None;
        c.Flags = d.Flags;
        c.TeamId = d.TeamId!.Value;
        c.OffenderManagerId = d.OffenderManagerId;
        c.PsychologistId = d.PsychologistId;
        if (d.IsRestricted)
        {
            foreach (var id in new Guid?[] { actingUser, d.OffenderManagerId, d.PsychologistId }.OfType<Guid>().Distinct())
                if (c.NamedStaff.All(n => n.UserId != id)) c.NamedStaff.Add(new CaseNamedStaff { CaseId = c.Id, UserId = id });
        }
        c.IsRestricted = d.IsRestricted;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Fields whose saved value differs from what was submitted: shown when an edit was made on a stale copy.</summary>
    public static IReadOnlyList<(string Field, string Submitted, string Saved)> Differences(CaseDetails submitted, CaseDetails saved)
    {
        var list = new List<(string, string, string)>();
        void Cmp(string label, object? a, object? b)
        {
            var sa = a?.ToString() ?? "";
            var sb = b?.ToString() ?? "";
            if (!string.Equals(sa.Trim(), sb.Trim(), StringComparison.OrdinalIgnoreCase)) list.Add((label, sa, sb));
        }
        Cmp("CRN", Crn.Normalise(submitted.Crn), saved.Crn);
        Cmp("PNC number", Domain.Cases.PncNumber.Normalise(submitted.PncNumber), saved.PncNumber);
        Cmp("Given name", submitted.GivenName, saved.GivenName);
        Cmp("Family name", submitted.FamilyName, saved.FamilyName);
        Cmp("Date of birth", submitted.DateOfBirth, saved.DateOfBirth);
        Cmp("Gender", submitted.Gender, saved.Gender);
        Cmp("Ethnicity", submitted.Ethnicity, saved.Ethnicity);
        Cmp("Address line 1", submitted.AddressLine1, saved.AddressLine1);
        Cmp("Address line 2", submitted.AddressLine2, saved.AddressLine2);
        Cmp("Town or city", submitted.TownOrCity, saved.TownOrCity);
        Cmp("Postcode", submitted.Postcode, saved.Postcode);
        Cmp("Registered with a GP", submitted.RegisteredWithGp, saved.RegisteredWithGp);
        Cmp("Approved premises", submitted.ApprovedPremisesId, saved.ApprovedPremisesId);
        Cmp("RoSH", submitted.RoshLevel, saved.RoshLevel);
        Cmp("MAPPA category", submitted.MappaCategory, saved.MappaCategory);
        Cmp("MAPPA level", submitted.MappaLevel, saved.MappaLevel);
        Cmp("Risk flags", submitted.Flags, saved.Flags);
        Cmp("Team", submitted.TeamId, saved.TeamId);
        Cmp("Offender manager", submitted.OffenderManagerId, saved.OffenderManagerId);
        Cmp("Psychologist", submitted.PsychologistId, saved.PsychologistId);
        Cmp("Restricted", submitted.IsRestricted, saved.IsRestricted);
        return list;
    }
}
