namespace Pathway.Domain.Referrals;

/// <summary>How soon the referrer needs the service to respond.</summary>
public enum ReferralUrgency
{
    Routine = 0,
    Soon = 1,
    Urgent = 2,
}

/// <summary>
/// Whether the person agreed to their information being shared: consent under the common-law duty of confidentiality,
/// recorded as such. It is not the lawful basis under data protection law (<see cref="LawfulBasis"/>), which an NHS
/// trust needs whether or not the person agrees (DOMAIN.md section 10).
/// </summary>
public enum SharingBasis
{
    AgreedToSharing = 0,
    SharedWithoutAgreement = 1,
}

/// <summary>
/// The lawful basis under UK GDPR and the DPA 2018 for an NHS trust sharing with probation, police and partners. Health
/// data is special category (art. 9; DPA 2018 Sch.1); offence data falls under art. 10. An NHS trust is not a competent
/// authority under DPA 2018 Part 3, so "law enforcement" is not among them: value 3 once meant that and is not reused.
/// </summary>
public enum LawfulBasis
{
    PublicTaskHealthAndCare = 0,
    SafeguardingIndividualsAtRisk = 1,
    VitalInterests = 2,
    Other = 4,
}

/// <summary>Who someone at a consultation was, for the record.</summary>
public enum AttendeeRole
{
    OffenderManager = 0,
    SeniorProbationOfficer = 1,
    ApprovedPremisesStaff = 2,
    PublicProtectionUnit = 3,
    Psychologist = 4,
    PartnerAgency = 5,
    Other = 6,
}

public static class ReferralOptions
{
    public static string DisplayName(ReferralUrgency u) => u switch
    {
        ReferralUrgency.Routine => "Routine",
        ReferralUrgency.Soon => "Soon",
        ReferralUrgency.Urgent => "Urgent",
        _ => u.ToString(),
    };

    public static string Hint(ReferralUrgency u) => u switch
    {
        ReferralUrgency.Routine => "Advice is needed as part of ordinary case management",
        ReferralUrgency.Soon => "Concerns are growing and advice is needed in the next couple of weeks",
        ReferralUrgency.Urgent => "Risk is escalating or recall is being considered, and advice is needed within days",
        _ => "",
    };

    public static string DisplayName(SharingBasis b) => b switch
    {
        SharingBasis.AgreedToSharing => "The person agrees to their information being shared",
        SharingBasis.SharedWithoutAgreement => "Shared without the person's agreement",
        _ => b.ToString(),
    };

    public static string DisplayName(LawfulBasis b) => b switch
    {
        LawfulBasis.PublicTaskHealthAndCare => "Public task, for health or social care: UK GDPR art. 6(1)(e) and art. 9(2)(h); DPA 2018 Sch.1 para 2",
        LawfulBasis.SafeguardingIndividualsAtRisk => "Public task, safeguarding children and individuals at risk: UK GDPR art. 6(1)(e) and art. 9(2)(g); DPA 2018 Sch.1 para 18",
        LawfulBasis.VitalInterests => "Vital interests, where the person cannot agree: UK GDPR art. 6(1)(d) and art. 9(2)(c)",
        LawfulBasis.Other => "Another lawful basis (explain in the note)",
        _ => b.ToString(),
    };

    public static string Hint(SharingBasis b) => b switch
    {
        SharingBasis.AgreedToSharing => "Recorded as consent under the common-law duty of confidentiality. It is not the lawful basis under data protection law, which you choose below.",
        SharingBasis.SharedWithoutAgreement => "Only where sharing is in the public interest, for example to prevent serious harm, or is required by law. Say why in the note.",
        _ => "",
    };

    /// <summary>The basis an NHS trust normally relies on when it shares for care, agreed or not.</summary>
    public const LawfulBasis Usual = LawfulBasis.PublicTaskHealthAndCare;

    public static string ShortName(LawfulBasis b) => b switch
    {
        LawfulBasis.PublicTaskHealthAndCare => "Public task, health or social care",
        LawfulBasis.SafeguardingIndividualsAtRisk => "Safeguarding",
        LawfulBasis.VitalInterests => "Vital interests",
        LawfulBasis.Other => "Other",
        _ => b.ToString(),
    };

    public static string DisplayName(AttendeeRole r) => r switch
    {
        AttendeeRole.OffenderManager => "Offender manager",
        AttendeeRole.SeniorProbationOfficer => "Senior probation officer",
        AttendeeRole.ApprovedPremisesStaff => "Approved premises staff",
        AttendeeRole.PublicProtectionUnit => "Police public protection unit",
        AttendeeRole.Psychologist => "Psychologist",
        AttendeeRole.PartnerAgency => "Partner agency",
        AttendeeRole.Other => "Other",
        _ => r.ToString(),
    };
}
