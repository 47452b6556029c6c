using System.Text.Json;
using Pathway.Data.Entities;
using Pathway.Data.Instruments;
using Pathway.Domain.Cases;
using Pathway.Domain.Instruments;

namespace Pathway.Data.Seeding;

/// <summary>
/// Completed screening responses for synthetic people, scored by the real engine so stored results always agree with
/// the definitions: SAPAS, the OPD screen for the person's gender, and now and then an HCR-20 rating sheet.
/// </summary>
public sealed class SyntheticScreening
{
    private readonly Random _rng;
    private readonly Dictionary<string, (InstrumentDefinitionRecord Record, InstrumentDefinition Definition)> _latest;

    private SyntheticScreening(Random rng, IEnumerable<InstrumentDefinitionRecord> latest)
    {
        _rng = rng;
        _latest = latest.ToDictionary(r => r.Key, r => (r, InstrumentCatalogue.Definition(r)));
    }

    public static async Task<SyntheticScreening> LoadAsync(PathwayDbContext db, Random rng, CancellationToken ct)
    {
        await InstrumentCatalogue.EnsureShippedAsync(db, DateTimeOffset.UtcNow, ct);
        await db.SaveChangesAsync(ct);
        return new SyntheticScreening(rng, await InstrumentCatalogue.LatestAsync(db, ct));
    }

    /// <summary>SAPAS for a person; about one in three at or above the cut-off.</summary>
    public InstrumentResponse Sapas(CaseRecord c, Guid by, DateTimeOffset at) =>
        Completed("sapas", c, by, at, def => Answer(def, _ => _rng.NextDouble() < 0.32), new Dictionary<string, bool>());

    /// <summary>The OPD screen for the person's gender, if there is one: gates from the case, items with a realistic spread.</summary>
    public InstrumentResponse? OpdScreen(CaseRecord c, Guid by, DateTimeOffset at, bool forceOverride = false)
    {
        var key = c.Gender switch { Gender.Male => "opd-screen-men", Gender.Female => "opd-screen-women", _ => null };
        // A guidance-only version (the women's screen until the clinical lead configures it) is never scored.
        if (key is null || !_latest.TryGetValue(key, out var d) || d.Definition.GuidanceOnly) return null;
        var facts = new CaseFacts(c.Gender, c.RoshLevel, c.MappaCategory, true);
        var gates = InstrumentEngine.PrefillGates(d.Definition, facts);
        foreach (var g in d.Definition.Gates.Where(g => !gates.ContainsKey(g.LinkId))) gates[g.LinkId] = _rng.NextDouble() < 0.8;
        // Per-person propensity so items cluster, as they do: some people meet many, most meet few.
        var propensity = _rng.NextDouble() < 0.45 ? 0.75 : 0.3;
        var applies = InstrumentEngine.Applies(d.Definition, gates) == Applicability.Applies;
        var answers = applies ? Answer(d.Definition, _ => _rng.NextDouble() < propensity) : [];
        var overrideIt = applies && (forceOverride || _rng.NextDouble() < 0.03);
        // A route in such as a life or IPP sentence is rare; the clinical link is usually there when many items are, and
        // its reason is always written.
        foreach (var item in d.Definition.Items.Where(i => i.SubscaleKeys.Count == 0 && !i.ReasonRequired && answers.ContainsKey(i.LinkId)))
            answers[item.LinkId] = _rng.NextDouble() < 0.08 ? item.OptionList[0].Code : item.OptionList[^1].Code;
        foreach (var item in d.Definition.Items.Where(i => i.ReasonRequired && answers.ContainsKey(i.LinkId)))
            answers[item.LinkId] = _rng.NextDouble() < (propensity > 0.5 ? 0.85 : 0.4) ? item.OptionList[0].Code : item.OptionList[^1].Code;
        var reasons = d.Definition.Items.Where(i => i.ReasonRequired && answers.ContainsKey(i.LinkId))
            .ToDictionary(i => i.LinkId, i => answers[i.LinkId] == i.OptionList[0].Code
                ? "Formulation links the person's hostility and impulsivity to the pattern of violent offending."
                : "Offending appears situational and instrumental; no link to personality difficulties is evident.");
        return Completed(key, c, by, at, _ => answers, gates, overrideIt,
            overrideIt ? "Recent psychology report describes long-standing interpersonal difficulties not captured by the OASys answers." : null, reasons);
    }

    /// <summary>An HCR-20 V3 rating sheet: ratings as a trained assessor might enter them. Never scored.</summary>
    public InstrumentResponse Hcr20(CaseRecord c, Guid by, DateTimeOffset at) =>
        Completed("hcr-20-v3", c, by, at, def => def.Questions().ToDictionary(q => q.LinkId, q => q.Options[_rng.Next(q.Options.Count)].Code), new Dictionary<string, bool>());

    private Dictionary<string, string> Answer(InstrumentDefinition def, Func<Question, bool> yes) =>
        def.Questions().ToDictionary(q => q.LinkId, q => yes(q) ? q.Options[0].Code : q.Options[^1].Code);

    private InstrumentResponse Completed(string key, CaseRecord c, Guid by, DateTimeOffset at,
        Func<InstrumentDefinition, Dictionary<string, string>> answer, Dictionary<string, bool> gates, bool overrideIt = false, string? reason = null,
        Dictionary<string, string>? itemReasons = null)
    {
        var (record, def) = _latest[key];
        var answers = new ResponseAnswers(answer(def), gates, overrideIt, reason, itemReasons);
        var completion = InstrumentEngine.Complete(def, answers);
        if (!completion.Succeeded) throw new InvalidOperationException($"Synthetic {key} response did not complete: {completion.Errors[0].Message}");
        return new InstrumentResponse
        {
            CaseId = c.Id, DefinitionId = record.Id, InstrumentKey = key, DefinitionVersion = record.Version, Status = ResponseStatus.Completed,
            AnswersJson = JsonSerializer.Serialize(answers.Answers), GateAnswersJson = JsonSerializer.Serialize(answers.Gates),
            Override = overrideIt, OverrideReason = reason,
            ReasonsJson = itemReasons is { Count: > 0 } ? JsonSerializer.Serialize(itemReasons) : null,
            ResultJson = JsonSerializer.Serialize(completion.Result, InstrumentJson.Options), Outcome = completion.Result!.Outcome.ToString(),
            StartedById = by, StartedAt = at.AddMinutes(-25), CompletedById = by, CompletedAt = at,
        };
    }
}
