using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Signposting;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Signposting.Directory;

/// <summary>An organisation as entered, before it is saved.</summary>
public sealed record OrganisationDetails(string? Name, Sector? Sector, string? Website, Guid? PartnerTeamId)
{
    public IReadOnlyList<FieldError> Validate(IReadOnlySet<string> already)
    {
        var errors = new List<FieldError>();
        void Add(string field, string message) { if (!already.Contains(field)) errors.Add(new(field, message)); }
        if (string.IsNullOrWhiteSpace(Name)) Add(nameof(Name), "Enter the organisation's name");
        else if (Name.Trim().Length > 200) Add(nameof(Name), "Name must be 200 characters or fewer");
        if (Sector is null) Add(nameof(Sector), "Choose the organisation's sector");
        if (!string.IsNullOrWhiteSpace(Website) &&
            (!Uri.TryCreate(Website.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || Website.Length > 500))
            Add(nameof(Website), "Enter the website as a full address, like https://www.example.org");
        return errors;
    }

    public void ApplyTo(DirectoryOrganisation o)
    {
        o.Name = Name!.Trim();
        o.Sector = Sector!.Value;
        o.Website = string.IsNullOrWhiteSpace(Website) ? null : Website.Trim();
        o.PartnerTeamId = PartnerTeamId;
    }
}
