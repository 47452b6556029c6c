namespace Pathway.Domain.Referrals;

/// <summary>How soon the referrer needs the service to respond.</summary>
public enum ReferralUrgency
{
    Routine = 0,
    Soon = 1,
    Urgent = 2,
}

/// <summary>On what basis the referrer shares the person's information with the PD service.</summary>
public enum SharingBasis
{
    ConsentGiven = 0,
    LawfulBasisWithoutConsent = 1,
}

/// <summary>
/// The lawful bases a referrer may choose when the person has not consented (a short fixed list, with a note).
/// Health data is special category (UK GDPR art. 9; DPA 2018 Sch.1); offence data falls under art. 10.
/// </summary>
public enum LawfulBasis
{
    PublicTaskHealthAndCare = 0,
    SafeguardingIndividualsAtRisk = 1,
    VitalInterests = 2,
    LawEnforcement = 3,
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
        SharingBasis.ConsentGiven => "The person has consented to the referral",
        SharingBasis.LawfulBasisWithoutConsent => "Sharing without consent, on a lawful basis",
        _ => b.ToString(),
    };

    public static string DisplayName(LawfulBasis b) => b switch
    {
        LawfulBasis.PublicTaskHealthAndCare => "Public task and health or social care: UK GDPR art. 6(1)(e) and art. 9(2)(h); DPA 2018 Sch.1 para 2",
        LawfulBasis.SafeguardingIndividualsAtRisk => "Safeguarding of children and individuals at risk: UK GDPR art. 6(1)(e) and art. 9(2)(g); DPA 2018 Sch.1 para 18",
        LawfulBasis.VitalInterests => "Vital interests, where the person cannot consent: UK GDPR art. 6(1)(d) and art. 9(2)(c)",
        LawfulBasis.LawEnforcement => "Law enforcement purposes: DPA 2018 Part 3 (s.35)",
        LawfulBasis.Other => "Another lawful basis (explain in the note)",
        _ => b.ToString(),
    };

    public static string ShortName(LawfulBasis b) => b switch
    {
        LawfulBasis.PublicTaskHealthAndCare => "Public task, health or social care",
        LawfulBasis.SafeguardingIndividualsAtRisk => "Safeguarding",
        LawfulBasis.VitalInterests => "Vital interests",
        LawfulBasis.LawEnforcement => "Law enforcement (DPA 2018 Part 3)",
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
