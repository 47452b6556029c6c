using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Cases;
using Pathway.Domain.Licences;
using Pathway.Domain.Signposting;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Signposting.Directory;

/// <summary>A directory service as entered on the page or sent to the API, before it is saved.</summary>
public sealed record ServiceDetails(
    Guid? OrganisationId,
    string? Name,
    string? Description,
    IReadOnlyList<NeedArea> NeedsMet,
    IReadOnlyList<Gender> Genders,
    int? MinimumAge,
    int? MaximumAge,
    IReadOnlyList<string> AreasServed,
    IReadOnlyList<string> AreasExcluded,
    RoshLevel? RoshCeiling,
    RiskFlag Exclusions,
    bool RequiresGpRegistration,
    string? OtherEligibility,
    string? ReferralRoute,
    string? Contact,
    int? WaitingWeeks,
    bool OpenToReferrals)
{
    public const int MaxWaitingWeeks = 104;

    public Eligibility Eligibility => new(new HashSet<Gender>(Genders), MinimumAge, MaximumAge, AreasServed, AreasExcluded, RoshCeiling, Exclusions, RequiresGpRegistration);

    /// <summary>Every problem with the entry; <paramref name="already"/> are fields that already failed to parse.</summary>
    public IReadOnlyList<FieldError> Validate(IReadOnlySet<string> already)
    {
        var errors = new List<FieldError>();
        void Add(string field, string message) { if (!already.Contains(field)) errors.Add(new(field, message)); }
        if (OrganisationId is null) Add(nameof(OrganisationId), "Choose the organisation that runs the service");
        if (string.IsNullOrWhiteSpace(Name)) Add(nameof(Name), "Enter the service's name");
        else if (Name.Trim().Length > 200) Add(nameof(Name), "Name must be 200 characters or fewer");
        if (Description is { Length: > 2000 }) Add(nameof(Description), "Description must be 2000 characters or fewer");
        if (NeedsMet.Count == 0) Add(nameof(NeedsMet), "Choose at least one need the service meets");
        if (string.IsNullOrWhiteSpace(ReferralRoute)) Add(nameof(ReferralRoute), "Enter how to refer (for example, by email to the intake team, or self-referral by phone)");
        else if (ReferralRoute.Length > 1000) Add(nameof(ReferralRoute), "How to refer must be 1000 characters or fewer");
        if (Contact is { Length: > 500 }) Add(nameof(Contact), "Contact must be 500 characters or fewer");
        if (OtherEligibility is { Length: > 1000 }) Add(nameof(OtherEligibility), "Other eligibility must be 1000 characters or fewer");
        if (WaitingWeeks is { } w && (w < 0 || w > MaxWaitingWeeks)) Add(nameof(WaitingWeeks), $"Waiting time must be between 0 and {MaxWaitingWeeks} weeks");
        foreach (var e in EligibilityRules.Validate(Eligibility)) Add(e.Field, e.Message);
        return errors;
    }

    public void ApplyTo(DirectoryService s)
    {
        s.OrganisationId = OrganisationId!.Value;
        s.Name = Name!.Trim();
        s.Description = Blank(Description);
        s.NeedsMet = NeedsMet.Distinct().Order().ToList();
        s.Genders = Genders.Distinct().Order().ToList();
        s.MinimumAge = MinimumAge;
        s.MaximumAge = MaximumAge;
        s.AreasServed = Normalise(AreasServed);
        s.AreasExcluded = Normalise(AreasExcluded);
        s.RoshCeiling = RoshCeiling;
        s.Exclusions = Exclusions;
        s.RequiresGpRegistration = RequiresGpRegistration;
        s.OtherEligibility = Blank(OtherEligibility);
        s.ReferralRoute = ReferralRoute!.Trim();
        s.Contact = Blank(Contact);
        s.WaitingWeeks = WaitingWeeks;
        s.OpenToReferrals = OpenToReferrals;
    }

    public static ServiceDetails From(DirectoryService s) => new(
        s.OrganisationId, s.Name, s.Description, s.NeedsMet, s.Genders, s.MinimumAge, s.MaximumAge, s.AreasServed, s.AreasExcluded,
        s.RoshCeiling, s.Exclusions, s.RequiresGpRegistration, s.OtherEligibility, s.ReferralRoute, s.Contact, s.WaitingWeeks, s.OpenToReferrals);

    /// <summary>Areas typed as "NE, DH1 SR" become ["NE", "DH1", "SR"].</summary>
    public static IReadOnlyList<string> SplitAreas(string? text) =>
        (text ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<string> Normalise(IEnumerable<string> areas) =>
        areas.Select(a => PostcodeAreas.TryNormalise(a, out var n) ? n : a.Trim()).ToList();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
