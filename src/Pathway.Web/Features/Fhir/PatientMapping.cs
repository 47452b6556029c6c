using Hl7.Fhir.Model;
using Pathway.Data.Entities;
using DomainGender = Pathway.Domain.Cases.Gender;

namespace Pathway.Web.Features.Fhir;

/// <summary>
/// A person on licence as a FHIR <see cref="Patient"/>: the minimum necessary to identify them (Caldicott principle 3) —
/// CRN, name, date of birth and administrative gender. No address, ethnicity, risk or offence data leaves this way.
/// </summary>
public static class PatientMapping
{
    public static Patient ToPatient(CaseRecord c) => new()
    {
        Id = c.Id.ToString(),
        Meta = new Meta { LastUpdated = c.UpdatedAt == default ? c.CreatedAt : c.UpdatedAt, VersionId = c.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        Identifier = [new Identifier(FhirIdentifiers.Crn, c.Crn) { Use = Identifier.IdentifierUse.Official }],
        Name = [new HumanName { Use = HumanName.NameUse.Official, Family = c.FamilyName, Given = [c.GivenName] }],
        BirthDate = c.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Gender = Map(c.Gender),
    };

    public static ResourceReference Reference(CaseRecord c) => new($"Patient/{c.Id}", c.FullName);

    private static AdministrativeGender Map(DomainGender g) => g switch
    {
        DomainGender.Male => AdministrativeGender.Male,
        DomainGender.Female => AdministrativeGender.Female,
        DomainGender.NonBinary => AdministrativeGender.Other,
        _ => AdministrativeGender.Unknown,
    };
}
