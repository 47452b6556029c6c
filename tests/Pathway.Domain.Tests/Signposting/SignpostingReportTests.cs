using Pathway.Domain.Assessments;
using Pathway.Domain.Disclosure;
using Pathway.Domain.Signposting;

namespace Pathway.Domain.Tests.Signposting;

/// <summary>The commissioners' report, worked by hand.</summary>
public sealed class SignpostingReportTests
{
    private static readonly Guid Housing = Guid.NewGuid();
    private static readonly Guid Drugs = Guid.NewGuid();
    private static readonly IReadOnlyDictionary<Guid, string> Names = new Dictionary<Guid, string> { [Housing] = "Harbour — Housing advice", [Drugs] = "Quay — Drug service" };
    private static readonly DateOnly Day = new(2026, 3, 2);

    private static SignpostingReferralFacts R(NeedArea need, Guid service, SignpostingReferralStatus status, int? attendedAfterDays = null) =>
        new(need, service, status, status == SignpostingReferralStatus.Suggested ? null : Day, attendedAfterDays is { } d ? Day.AddDays(d) : null);

    // Accommodation → housing: 4 referred; two attended after 6 and 10 days (one completed), one declined, one waiting.
    // Substance use → drugs: 3 referred, one attended after 21 days then disengaged; one withdrawn; one accepted.
    // A suggestion never sent counts nowhere.
    private static readonly SignpostingReferralFacts[] Referrals =
    [
        R(NeedArea.Accommodation, Housing, SignpostingReferralStatus.FirstAttended, 6),
        R(NeedArea.Accommodation, Housing, SignpostingReferralStatus.Completed, 10),
        R(NeedArea.Accommodation, Housing, SignpostingReferralStatus.Declined),
        R(NeedArea.Accommodation, Housing, SignpostingReferralStatus.Referred),
        R(NeedArea.SubstanceUse, Drugs, SignpostingReferralStatus.Disengaged, 21),
        R(NeedArea.SubstanceUse, Drugs, SignpostingReferralStatus.Withdrawn),
        R(NeedArea.SubstanceUse, Drugs, SignpostingReferralStatus.Accepted),
        R(NeedArea.SubstanceUse, Drugs, SignpostingReferralStatus.Suggested),
    ];

    private static readonly UnmetNeedFacts[] Unmet =
    [
        new(NeedArea.Finance, "ZZ1"), new(NeedArea.Finance, "zz1 "), new(NeedArea.PhysicalHealth, "ZZ2"), new(NeedArea.Finance, null),
    ];

    private static int Column(SignpostingReferralStatus s) => SignpostingReport.Outcomes.ToList().IndexOf(s);

    [Fact]
    public void ReferralsByNeedAndOutcome_CountSentReferralsByWhereTheyNowStand()
    {
        var report = SignpostingReport.Build(Referrals, Names, Unmet);
        var accommodation = report.NeedLabels.ToList().IndexOf("Accommodation");
        var substance = report.NeedLabels.ToList().IndexOf("Substance use");
        Assert.Equal(1, report.ByNeed[accommodation, Column(SignpostingReferralStatus.FirstAttended)]);
        Assert.Equal(1, report.ByNeed[accommodation, Column(SignpostingReferralStatus.Completed)]);
        Assert.Equal(1, report.ByNeed[accommodation, Column(SignpostingReferralStatus.Declined)]);
        Assert.Equal(1, report.ByNeed[accommodation, Column(SignpostingReferralStatus.Referred)]);
        Assert.Equal(3, Enumerable.Range(0, SignpostingReport.Outcomes.Count).Sum(j => report.ByNeed[substance, j])); // the suggestion is not counted
        Assert.DoesNotContain("Suggested", SignpostingReport.OutcomeLabels);

        var table = report.NeedTable(DisclosurePolicy.Exact);
        Assert.Equal(7, table.GrandTotal.Published);
        Assert.Equal(["Harbour — Housing advice", "Quay — Drug service"], report.ServiceLabels);
        Assert.Equal(4, report.ServiceTable(DisclosurePolicy.Exact).RowTotal(0).Published);
    }

    [Fact]
    public void Uptake_IsAttendedOverReferred_AndTheWaitIsTheMedianOverThoseWhoAttended()
    {
        var report = SignpostingReport.Build(Referrals, Names, Unmet);
        var accommodation = report.UptakeByNeed.Single(u => u.Label == "Accommodation").Figures;
        Assert.Equal((4, 2, 0.5, 8.0), (accommodation.Referred, accommodation.FirstAttended, accommodation.UptakeRate!.Value, accommodation.MedianDaysToFirstAppointment!.Value));
        Assert.Equal((7, 3), (report.Overall.Referred, report.Overall.FirstAttended));
        Assert.Equal(3.0 / 7, report.Overall.UptakeRate!.Value, 12);
        Assert.Equal(10.0, report.Overall.MedianDaysToFirstAppointment); // 6, 10, 21
        Assert.Equal(2, report.UptakeByNeed.Count); // needs with no referrals are left out
    }

    [Fact]
    public void UnmetNeeds_AreCountedByPostcodeDistrict_WithUnknownAreasLast()
    {
        var report = SignpostingReport.Build(Referrals, Names, Unmet);
        Assert.Equal(["ZZ1", "ZZ2", SignpostingReport.NoDistrict], report.Districts);
        var finance = Array.IndexOf(Enum.GetValues<NeedArea>(), NeedArea.Finance);
        Assert.Equal(2, report.UnmetByDistrict[0, finance]);
        Assert.Equal(1, report.UnmetByDistrict[2, finance]);
        Assert.Equal(4, report.UnmetTable(DisclosurePolicy.Exact).GrandTotal.Published);
    }

    [Fact]
    public void UnderTheDefaultPolicy_SmallUptakeFiguresAreHidden_AndTheWaitNeedsFiveWhoAttended()
    {
        var report = SignpostingReport.Build(Referrals, Names, Unmet);
        var hidden = SignpostingReport.Publish(report.UptakeByNeed[0], DisclosurePolicy.Default);
        Assert.Equal((null, null, null, null), (hidden.Referred, hidden.FirstAttended, hidden.UptakeRate, hidden.MedianDays));

        var many = Enumerable.Range(0, 12).Select(i => R(NeedArea.Accommodation, Housing, i < 6 ? SignpostingReferralStatus.Completed : SignpostingReferralStatus.Declined, i < 6 ? i + 1 : null)).ToList();
        var big = SignpostingReport.Build(many, Names, []);
        var shown = SignpostingReport.Publish(big.UptakeByNeed.Single(), DisclosurePolicy.Default);
        Assert.Equal((12, 6, 0.5, 3.5), (shown.Referred, shown.FirstAttended, shown.UptakeRate, shown.MedianDays));
        var t = big.NeedTable(DisclosurePolicy.Default);
        for (var i = 0; i <= t.RowCount; i++)
            for (var j = 0; j <= t.ColumnCount; j++)
                Assert.True(t.Entry(i, j).Published is null or 0 or >= 5, $"{i},{j} published {t.Entry(i, j).Published}");
        Assert.Equal(6, t.Cell(Array.IndexOf(Enum.GetValues<NeedArea>(), NeedArea.Accommodation), Column(SignpostingReferralStatus.Completed)).Published);
    }
}
