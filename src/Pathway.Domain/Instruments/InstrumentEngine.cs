using Pathway.Domain.Licences;
using Pathway.Domain.Validation;

namespace Pathway.Domain.Instruments;

/// <summary>
/// What an assessor has entered: option codes by question link id, gate answers, any clinical override, and the
/// written reasons for items that ask for one (by item link id).
/// </summary>
public sealed record ResponseAnswers(
    IReadOnlyDictionary<string, string> Answers,
    IReadOnlyDictionary<string, bool> Gates,
    bool Override = false,
    string? OverrideReason = null,
    IReadOnlyDictionary<string, string>? Reasons = null)
{
    public static readonly ResponseAnswers Empty = new(new Dictionary<string, string>(), new Dictionary<string, bool>());

    public IReadOnlyDictionary<string, string> ReasonList => Reasons ?? new Dictionary<string, string>();

    /// <summary>The written reason for an item, or null when none was given.</summary>
    public string? ReasonFor(string linkId) => ReasonList.TryGetValue(linkId, out var r) && !string.IsNullOrWhiteSpace(r) ? r.Trim() : null;
}

public enum Applicability
{
    /// <summary>A gate has no answer yet.</summary>
    Unknown,
    Applies,
    NotApplicable,
}

public enum InstrumentOutcome
{
    /// <summary>The gates do not hold: the instrument does not apply to this person.</summary>
    NotApplicable,
    /// <summary>Scored, and the definition has no screening rule.</summary>
    Scored,
    ScreenedIn,
    ScreenedOut,
    /// <summary>
    /// A way in was met (a threshold, a route or a clinical override) but a condition every screening-in needs was not
    /// (the OPD screens' clinical link): not screened in.
    /// </summary>
    RequirementNotMet,
    /// <summary>A licensed rating sheet: the ratings are stored as entered; nothing is computed.</summary>
    RatingsRecorded,
}

/// <summary>A subscale's score and, where a band covers it, what it means.</summary>
public sealed record SubscaleScore(string Key, string Title, int Score, int Maximum, string? Band, string? Interpretation);

/// <summary>The computed result, stored with the response and the definition version it was scored with.</summary>
/// <param name="Reasons">Why the outcome is what it is, e.g. "Personality score 7 is at least 7".</param>
public sealed record InstrumentResult(InstrumentOutcome Outcome, IReadOnlyList<SubscaleScore> Scores, IReadOnlyList<string> Reasons, bool ByOverride = false);

/// <summary>Either the result of a completed response or the reasons it cannot be completed.</summary>
public sealed record Completion(InstrumentResult? Result, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Result is not null;
}

/// <summary>
/// The one scoring engine for every instrument definition. Pure: definitions and answers in, results out.
/// Drafts may be incomplete (<see cref="CheckDraft"/> only refuses answers the definition does not allow);
/// completion (<see cref="Complete"/>) refuses a missing required item and names it.
/// </summary>
public static class InstrumentEngine
{
    /// <summary>Answers that cannot be stored even in a draft: unknown questions, gates or option codes.</summary>
    public static IReadOnlyList<FieldError> CheckDraft(InstrumentDefinition def, ResponseAnswers answers)
    {
        var errors = new List<FieldError>();
        var questions = def.Questions().ToDictionary(q => q.LinkId, StringComparer.Ordinal);
        foreach (var (linkId, code) in answers.Answers)
        {
            if (!questions.TryGetValue(linkId, out var q))
                errors.Add(new(linkId, $"'{linkId}' is not an item of {def.Title} version {def.Version}"));
            else if (!q.Options.Any(o => o.Code == code))
                errors.Add(new(linkId, $"'{code}' is not an answer to {InstrumentDefinition.NameOf(q)}. Use one of: {string.Join(", ", q.Options.Select(o => o.Code))}"));
        }
        foreach (var gate in answers.Gates.Keys.Where(g => def.Gates.All(x => x.LinkId != g)))
            errors.Add(new(gate, $"'{gate}' is not an eligibility question of {def.Title} version {def.Version}"));
        if (answers.Override && def.ScreenedIn is not { AllowOverride: true })
            errors.Add(new("Override", $"{def.Title} does not allow a clinical override"));
        if (answers.OverrideReason is { Length: > 2000 })
            errors.Add(new("OverrideReason", "The override reason must be 2,000 characters or fewer"));
        foreach (var (linkId, reason) in answers.ReasonList)
        {
            if (def.Items.FirstOrDefault(i => i.LinkId == linkId) is not { ReasonRequired: true } item)
                errors.Add(new(ReasonField(linkId), $"'{linkId}' is not an item of {def.Title} version {def.Version} that asks for a reason"));
            else if (reason.Length > 2000)
                errors.Add(new(ReasonField(linkId), $"The reason for '{item.Text}' must be 2,000 characters or fewer"));
        }
        return errors;
    }

    public static Applicability Applies(InstrumentDefinition def, IReadOnlyDictionary<string, bool> gates)
    {
        if (def.Gates.Count == 0) return Applicability.Applies;
        var answered = def.Gates.Select(g => gates.TryGetValue(g.LinkId, out var v) ? v : (bool?)null).ToList();
        if (def.GateMode == GateMode.All)
        {
            if (answered.Any(a => a == false)) return Applicability.NotApplicable;
            return answered.All(a => a == true) ? Applicability.Applies : Applicability.Unknown;
        }
        if (answered.Any(a => a == true)) return Applicability.Applies;
        return answered.All(a => a == false) ? Applicability.NotApplicable : Applicability.Unknown;
    }

    /// <summary>Completes a response: every gate answered, every required item answered if it applies, an override has a reason.</summary>
    public static Completion Complete(InstrumentDefinition def, ResponseAnswers answers)
    {
        if (def.GuidanceOnly)
            return new Completion(null, [new("Instrument", GuidanceOnlyMessage(def))]);
        var errors = CheckDraft(def, answers).ToList();
        foreach (var gate in def.Gates.Where(g => !answers.Gates.ContainsKey(g.LinkId)))
            errors.Add(new(gate.LinkId, $"Answer the eligibility question '{gate.Text}'"));
        var applies = Applies(def, answers.Gates);
        if (applies == Applicability.Applies)
        {
            foreach (var q in def.Questions().Where(q => q.Item.Required && !answers.Answers.ContainsKey(q.LinkId)))
                errors.Add(new(q.LinkId, $"Answer item {q.Item.LinkId} '{InstrumentDefinition.NameOf(q)}': it is required to complete {def.Title}"));
            foreach (var item in def.Items.Where(i => i.ReasonRequired && answers.Answers.ContainsKey(i.LinkId) && answers.ReasonFor(i.LinkId) is null))
                errors.Add(new(ReasonField(item.LinkId), $"Give the reason for your answer to '{item.Text}'"));
        }
        if (answers.Override && string.IsNullOrWhiteSpace(answers.OverrideReason))
            errors.Add(new("OverrideReason", "Give the reason for the clinical override"));
        if (answers.Override && applies == Applicability.NotApplicable)
            errors.Add(new("Override", $"A clinical override screens in only a person the {def.Title} applies to; the eligibility answers say it does not"));
        return errors.Count > 0 ? new Completion(null, errors) : new Completion(Score(def, answers), []);
    }

    /// <summary>Scores whatever is answered (unanswered items count 0). Use <see cref="Complete"/> to enforce required items.</summary>
    public static InstrumentResult Score(InstrumentDefinition def, ResponseAnswers answers)
    {
        if (Applies(def, answers.Gates) == Applicability.NotApplicable)
            return new(InstrumentOutcome.NotApplicable, [], ["The eligibility answers say the instrument does not apply"]);
        if (def.NoAutomaticScore)
            return new(InstrumentOutcome.RatingsRecorded, [], ["Ratings recorded as entered by a trained assessor; this licensed tool is not scored automatically"]);

        var scores = def.Subscales.Select(s => ScoreSubscale(def, s, answers)).ToList();
        if (def.ScreenedIn is not { } rule) return new(InstrumentOutcome.Scored, scores, []);

        var reasons = rule.AnyOf.Where(t => Holds(def, t, scores, answers)).Select(t => Describe(def, t, scores, answers, met: true)).ToList();
        var wayIn = reasons.Count > 0;
        var byOverride = rule.AllowOverride && answers.Override && !wayIn;
        if (rule.AllowOverride && answers.Override) reasons.Add($"Clinical override: {answers.OverrideReason}");
        if (!wayIn && !byOverride)
        {
            reasons.Add("No threshold met: " + string.Join("; ", rule.AnyOf.Select(t => Describe(def, t, scores, answers, met: false))));
            return new(InstrumentOutcome.ScreenedOut, scores, reasons, false);
        }
        var unmet = rule.RequiresList.Where(t => !Holds(def, t, scores, answers)).ToList();
        foreach (var t in rule.RequiresList.Except(unmet)) reasons.Add(Describe(def, t, scores, answers, met: true));
        foreach (var t in unmet)
            reasons.Add($"Not screened in, although a way in is met: screening in also needs {Describe(def, t, scores, answers, met: false, asRequirement: true)}");
        return unmet.Count == 0
            ? new(InstrumentOutcome.ScreenedIn, scores, reasons, byOverride)
            : new(InstrumentOutcome.RequirementNotMet, scores, reasons);
    }

    private static bool Holds(InstrumentDefinition def, Threshold t, IReadOnlyList<SubscaleScore> scores, ResponseAnswers answers) =>
        t.IsItem
            ? answers.Answers.TryGetValue(t.Item!, out var code) && code == t.Answer
            : scores.First(x => x.Key == t.Subscale).Score >= t.AtLeast;

    /// <summary>"Personality score 7 is at least 7", or for an item "Serving a life or IPP sentence: Yes", with the reason given if any.</summary>
    private static string Describe(InstrumentDefinition def, Threshold t, IReadOnlyList<SubscaleScore> scores, ResponseAnswers answers, bool met, bool asRequirement = false)
    {
        if (!t.IsItem)
        {
            var s = scores.First(x => x.Key == t.Subscale);
            return met ? $"{s.Title} score {s.Score} is at least {t.AtLeast}"
                : asRequirement ? $"a {s.Title.ToLowerInvariant()} score of at least {t.AtLeast}; the score is {s.Score}"
                : $"{s.Title} {s.Score} (needs {t.AtLeast})";
        }
        var item = def.Items.First(i => i.LinkId == t.Item);
        string Display(string? code) => item.OptionList.FirstOrDefault(o => o.Code == code)?.Display ?? "not answered";
        var given = answers.Answers.TryGetValue(item.LinkId, out var c) ? c : null;
        var reason = answers.ReasonFor(item.LinkId) is { } r ? $" (reason given: {r})" : "";
        return met ? $"{item.Text}: {Display(given)}{reason}"
            : asRequirement ? $"the answer {Display(t.Answer)} to '{item.Text}'; the answer recorded is {Display(given)}{reason}"
            : $"{item.Text}: {Display(given)} (needs {Display(t.Answer)})";
    }

    /// <summary>Why a guidance-only definition cannot be scored, in words for the assessor and the API caller.</summary>
    public static string GuidanceOnlyMessage(InstrumentDefinition def) =>
        $"{def.Title} is guidance only in Pathway (version {def.Version}): it is not scored until the clinical lead configures a scored version. Use its criteria as guidance and record your judgement in the case notes.";

    /// <summary>The field an item's written reason is reported under: <c>{linkId}.reason</c>.</summary>
    public static string ReasonField(string linkId) => linkId + ".reason";

    private static SubscaleScore ScoreSubscale(InstrumentDefinition def, Subscale s, ResponseAnswers answers)
    {
        var score = 0;
        var max = 0;
        foreach (var item in def.Items.Where(i => i.SubscaleKeys.Contains(s.Key)))
        {
            var values = item.OptionList.Select(o => o.Value).ToList();
            if (values.Count == 0) continue;
            max += values.Max();
            if (answers.Answers.TryGetValue(item.LinkId, out var code) && item.OptionList.FirstOrDefault(o => o.Code == code) is { } chosen)
                score += ItemScore(item, chosen);
        }
        var band = def.Bands.FirstOrDefault(b => b.Subscale == s.Key && b.Min <= score && score <= b.Max);
        return new SubscaleScore(s.Key, s.Title, score, max, band?.Label, band?.Interpretation);
    }

    /// <summary>A reversed item scores from the other end of its own range: yes(1)/no(0) reversed gives yes 0, no 1.</summary>
    public static int ItemScore(InstrumentItem item, ResponseOption chosen)
    {
        if (!item.Reverse) return chosen.Value;
        var values = item.OptionList.Select(o => o.Value).ToList();
        return values.Max() + values.Min() - chosen.Value;
    }

    /// <summary>Gate answers the case itself gives; gates with no case fact, or facts not known, are left for the assessor.</summary>
    public static Dictionary<string, bool> PrefillGates(InstrumentDefinition def, CaseFacts facts)
    {
        var result = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var g in def.Gates)
        {
            if (g.Fact is { } f && facts.Answer(f) is { } v) result[g.LinkId] = v;
        }
        return result;
    }

    /// <summary>Whether to offer the instrument for this case: right audience, and no gate already known to fail.</summary>
    public static bool IsOffered(InstrumentDefinition def, CaseFacts facts)
    {
        var audienceFits = def.Audience switch
        {
            InstrumentAudience.Men => facts.Gender is Cases.Gender.Male,
            InstrumentAudience.Women => facts.Gender is Cases.Gender.Female,
            _ => true,
        };
        // A gate with no case fact stays unanswered, so it never rules the instrument out before the assessor answers it.
        return audienceFits && Applies(def, PrefillGates(def, facts)) != Applicability.NotApplicable;
    }
}

/// <summary>What the case record says that gates can use; null when the record does not say.</summary>
public sealed record CaseFacts(Cases.Gender Gender, Cases.RoshLevel Rosh, Cases.MappaCategory Mappa, bool? CustodialSentence)
{
    public bool? Answer(CaseFact fact) => fact switch
    {
        CaseFact.RoshHighOrVeryHigh => Rosh is Cases.RoshLevel.High or Cases.RoshLevel.VeryHigh,
        CaseFact.MappaEligible => Mappa != Cases.MappaCategory.None,
        CaseFact.CustodialSentence => CustodialSentence,
        _ => null,
    };
}
