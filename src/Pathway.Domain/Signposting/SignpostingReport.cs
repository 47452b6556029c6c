using Pathway.Domain.Assessments;
using Pathway.Domain.Disclosure;

namespace Pathway.Domain.Signposting;

/// <summary>An unmet need as the reports see it: what was needed and where the person lives (postcode district).</summary>
public sealed record UnmetNeedFacts(NeedArea Need, string? District);

/// <summary>Uptake for one group (a need, a service, or everything): referred, first attended, uptake and waiting.</summary>
public sealed record UptakeRow(string Label, UptakeFigures Figures);

/// <summary>
/// The commissioners' report over a period: referrals by need and by service against where each now stands, uptake
/// (referred → first attended) and time to first appointment by need, and unmet needs by area. Counts are kept exact
/// here; <see cref="Publish"/> applies a <see cref="DisclosurePolicy"/> for readers who may see aggregates only.
/// </summary>
public sealed class SignpostingReport
{
    /// <summary>Where a sent referral now stands; suggestions never sent are not referrals.</summary>
    public static IReadOnlyList<SignpostingReferralStatus> Outcomes { get; } =
        Enum.GetValues<SignpostingReferralStatus>().Where(s => s != SignpostingReferralStatus.Suggested).ToList();

    public const string NoDistrict = "Area not known";

    public required IReadOnlyList<string> NeedLabels { get; init; }
    public required int[,] ByNeed { get; init; }
    public required IReadOnlyList<string> ServiceLabels { get; init; }
    public required int[,] ByService { get; init; }
    public required IReadOnlyList<UptakeRow> UptakeByNeed { get; init; }
    public required UptakeFigures Overall { get; init; }
    public required IReadOnlyList<string> Districts { get; init; }
    public required int[,] UnmetByDistrict { get; init; }

    public static IReadOnlyList<string> OutcomeLabels { get; } = Outcomes.Select(SignpostingStateMachine.DisplayName).ToList();

    /// <param name="referrals">Referrals sent in the period (by their referral date).</param>
    /// <param name="serviceNames">Each service's display name, by id.</param>
    /// <param name="unmet">Unmet needs recorded in the period and not since met.</param>
    public static SignpostingReport Build(IReadOnlyCollection<SignpostingReferralFacts> referrals, IReadOnlyDictionary<Guid, string> serviceNames, IReadOnlyCollection<UnmetNeedFacts> unmet)
    {
        var sent = referrals.Where(SignpostingFigures.WasReferred).ToList();
        var needs = Enum.GetValues<NeedArea>();
        var services = sent.Select(r => r.ServiceId).Distinct()
            .Select(id => (Id: id, Name: serviceNames.TryGetValue(id, out var n) ? n : "Service no longer listed"))
            .OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id).ToList();
        var districts = unmet.Select(u => string.IsNullOrWhiteSpace(u.District) ? NoDistrict : u.District.Trim().ToUpperInvariant())
            .Distinct().OrderBy(d => d == NoDistrict).ThenBy(d => d, StringComparer.Ordinal).ToList();

        var byNeed = new int[needs.Length, Outcomes.Count];
        var byService = new int[services.Count, Outcomes.Count];
        var serviceRow = services.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        foreach (var r in sent)
        {
            var column = IndexOf(Outcomes, r.Status);
            byNeed[Array.IndexOf(needs, r.Need), column]++;
            byService[serviceRow[r.ServiceId], column]++;
        }
        var unmetGrid = new int[districts.Count, needs.Length];
        foreach (var u in unmet)
        {
            var d = string.IsNullOrWhiteSpace(u.District) ? NoDistrict : u.District.Trim().ToUpperInvariant();
            unmetGrid[districts.IndexOf(d), Array.IndexOf(needs, u.Need)]++;
        }
        return new SignpostingReport
        {
            NeedLabels = needs.Select(AssessmentNames.DisplayName).ToList(),
            ByNeed = byNeed,
            ServiceLabels = services.Select(s => s.Name).ToList(),
            ByService = byService,
            UptakeByNeed = needs.Select(n => new UptakeRow(AssessmentNames.DisplayName(n), SignpostingFigures.Uptake(sent.Where(r => r.Need == n))))
                .Where(u => u.Figures.Referred > 0).ToList(),
            Overall = SignpostingFigures.Uptake(sent),
            Districts = districts,
            UnmetByDistrict = unmetGrid,
        };
    }

    public SuppressedTable NeedTable(DisclosurePolicy policy) => SmallCellSuppression.Apply(NeedLabels, OutcomeLabels, ByNeed, policy);

    public SuppressedTable ServiceTable(DisclosurePolicy policy) => SmallCellSuppression.Apply(ServiceLabels, OutcomeLabels, ByService, policy);

    public SuppressedTable UnmetTable(DisclosurePolicy policy) =>
        SmallCellSuppression.Apply(Districts, Enum.GetValues<NeedArea>().Select(AssessmentNames.DisplayName).ToList(), UnmetByDistrict, policy);

    /// <summary>
    /// Uptake as a reader under <paramref name="policy"/> may see it: the counts only where each may be published, the
    /// rate only where both counts may, and the median wait only where enough people attended that no one's own wait
    /// shows through (at least the threshold).
    /// </summary>
    public static PublishedUptake Publish(UptakeRow row, DisclosurePolicy policy)
    {
        var f = row.Figures;
        bool Ok(int n) => !policy.IsPrimary(n);
        return new PublishedUptake(row.Label,
            Ok(f.Referred) ? f.Referred : null,
            Ok(f.FirstAttended) && Ok(f.Referred) ? f.FirstAttended : null,
            Ok(f.FirstAttended) && Ok(f.Referred) ? f.UptakeRate : null,
            f.FirstAttended > 0 && f.FirstAttended >= policy.Threshold ? f.MedianDaysToFirstAppointment : null);
    }

    private static int IndexOf<T>(IReadOnlyList<T> list, T item)
    {
        for (var i = 0; i < list.Count; i++) if (EqualityComparer<T>.Default.Equals(list[i], item)) return i;
        throw new ArgumentOutOfRangeException(nameof(item), item, "not a reported outcome");
    }
}

/// <summary>Uptake after disclosure control: null where the figure may not be published.</summary>
public sealed record PublishedUptake(string Label, int? Referred, int? FirstAttended, double? UptakeRate, double? MedianDays);
