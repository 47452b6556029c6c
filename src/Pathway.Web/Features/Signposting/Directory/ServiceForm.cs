using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Cases;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Signposting.Directory;

/// <summary>The directory-service form as posted: text and ticked boxes, parsed into <see cref="ServiceDetails"/>.</summary>
public sealed class ServiceForm
{
    public string? OrganisationId { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<string> NeedsMet { get; set; } = [];
    public List<string> Genders { get; set; } = [];
    public string? MinimumAge { get; set; }
    public string? MaximumAge { get; set; }
    public string? AreasServed { get; set; }
    public string? AreasExcluded { get; set; }
    public string? RoshCeiling { get; set; }
    public List<string> Exclusions { get; set; } = [];
    public string? RequiresGpRegistration { get; set; }
    public string? OtherEligibility { get; set; }
    public string? ReferralRoute { get; set; }
    public string? Contact { get; set; }
    public string? WaitingWeeks { get; set; }
    public string? OpenToReferrals { get; set; }
    public int? Version { get; set; }

    public static ServiceForm From(DirectoryService s) => new()
    {
        OrganisationId = s.OrganisationId.ToString(),
        Name = s.Name,
        Description = s.Description,
        NeedsMet = s.NeedsMet.Select(n => n.ToString()).ToList(),
        Genders = s.Genders.Select(g => g.ToString()).ToList(),
        MinimumAge = s.MinimumAge?.ToString(),
        MaximumAge = s.MaximumAge?.ToString(),
        AreasServed = string.Join(", ", s.AreasServed),
        AreasExcluded = string.Join(", ", s.AreasExcluded),
        RoshCeiling = s.RoshCeiling?.ToString() ?? "",
        Exclusions = RiskFlags.Split(s.Exclusions).Select(f => f.ToString()).ToList(),
        RequiresGpRegistration = s.RequiresGpRegistration ? "yes" : "no",
        OtherEligibility = s.OtherEligibility,
        ReferralRoute = s.ReferralRoute,
        Contact = s.Contact,
        WaitingWeeks = s.WaitingWeeks?.ToString(),
        OpenToReferrals = s.OpenToReferrals ? "yes" : "no",
        Version = s.Version,
    };

    public ServiceDetails Parse(List<FieldError> errors)
    {
        int? Number(string? text, string field, string label)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (int.TryParse(text.Trim(), out var n)) return n;
            errors.Add(new(field, $"{label} must be a whole number"));
            return null;
        }
        T[] Enums<T>(IEnumerable<string> values, string field) where T : struct, Enum
        {
            var parsed = new List<T>();
            foreach (var v in values)
            {
                if (Enum.TryParse<T>(v, out var e) && Enum.IsDefined(e) && !int.TryParse(v, out _)) parsed.Add(e);
                else errors.Add(new(field, $"Choose from the list"));
            }
            return parsed.ToArray();
        }
        bool? YesNo(string? v, string field, string message)
        {
            if (v == "yes") return true;
            if (v == "no") return false;
            errors.Add(new(field, message));
            return null;
        }

        Guid? org = Guid.TryParse(OrganisationId, out var o) ? o : null;
        RoshLevel? ceiling = null;
        if (!string.IsNullOrEmpty(RoshCeiling))
        {
            if (Enum.TryParse<RoshLevel>(RoshCeiling, out var r) && Enum.IsDefined(r)) ceiling = r;
            else errors.Add(new(nameof(RoshCeiling), "Choose the highest risk level the service takes, or no limit"));
        }
        var gp = YesNo(RequiresGpRegistration, nameof(RequiresGpRegistration), "Select yes if the person must be registered with a GP");
        var open = YesNo(OpenToReferrals, nameof(OpenToReferrals), "Select yes if the service is taking referrals now");
        return new ServiceDetails(
            org, Name, Description,
            Enums<NeedArea>(NeedsMet, nameof(NeedsMet)),
            Enums<Gender>(Genders, nameof(Genders)),
            Number(MinimumAge, nameof(MinimumAge), "Minimum age"),
            Number(MaximumAge, nameof(MaximumAge), "Maximum age"),
            ServiceDetails.SplitAreas(AreasServed),
            ServiceDetails.SplitAreas(AreasExcluded),
            ceiling,
            RiskFlags.Combine(Enums<RiskFlag>(Exclusions, nameof(Exclusions))),
            gp ?? false, OtherEligibility, ReferralRoute, Contact,
            Number(WaitingWeeks, nameof(WaitingWeeks), "Waiting time"),
            open ?? true);
    }
}
