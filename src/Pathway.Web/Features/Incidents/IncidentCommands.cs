using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Incidents;
using Pathway.Domain.Licences;
using Pathway.Web.Features.CarePlans;
using Pathway.Web.Features.Incidents.Record;
using Pathway.Web.Infrastructure.Auditing;
using Entity = Pathway.Data.Entities.ChainAnalysis;

namespace Pathway.Web.Features.Incidents;

/// <summary>The written steps of a chain analysis (everything but the links), as someone submits them.</summary>
public sealed record ChainAnalysisText(
    string? ProblemBehaviour, string? VulnerabilityFactors, string? PromptingEvent, string? ShortTermConsequences,
    string? LongTermConsequences, string? Function, BehaviourFunction? FunctionCategory, string? PreventionAndRepair)
{
    public const int MaxLength = 4000;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        void Max(string? v, string field, string label)
        {
            if (v is { Length: > MaxLength }) errors.Add(new(field, $"{label} must be {MaxLength} characters or fewer"));
        }
        Max(ProblemBehaviour, nameof(ProblemBehaviour), "The problem behaviour");
        Max(VulnerabilityFactors, nameof(VulnerabilityFactors), "The vulnerability factors");
        Max(PromptingEvent, nameof(PromptingEvent), "The prompting event");
        Max(ShortTermConsequences, nameof(ShortTermConsequences), "The short-term consequences");
        Max(LongTermConsequences, nameof(LongTermConsequences), "The long-term consequences");
        Max(Function, nameof(Function), "The function");
        Max(PreventionAndRepair, nameof(PreventionAndRepair), "Prevention and repair");
        if (FunctionCategory is { } f && !Enum.IsDefined(f)) errors.Add(new(nameof(FunctionCategory), "Choose the broad function from the list"));
        return errors;
    }

    public void CopyTo(Entity a)
    {
        static string? T(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        a.ProblemBehaviour = T(ProblemBehaviour); a.VulnerabilityFactors = T(VulnerabilityFactors); a.PromptingEvent = T(PromptingEvent);
        a.ShortTermConsequences = T(ShortTermConsequences); a.LongTermConsequences = T(LongTermConsequences); a.Function = T(Function);
        a.FunctionCategory = FunctionCategory; a.PreventionAndRepair = T(PreventionAndRepair);
    }

    public static ChainAnalysisText From(Entity a) => new(a.ProblemBehaviour, a.VulnerabilityFactors, a.PromptingEvent, a.ShortTermConsequences,
        a.LongTermConsequences, a.Function, a.FunctionCategory, a.PreventionAndRepair);
}

// The incident commands' result until Incidents moves to Outcome<T> (issue 17).
public enum CommandOutcome
{
    Done,
    Invalid,
    /// <summary>Someone else saved a newer version first; nothing was saved.</summary>
    Conflict,
}

/// <param name="RowId">The goal, action or incident row the command made or changed, where there is one.</param>
public sealed record CommandResult(CommandOutcome Outcome, IReadOnlyList<FieldError> Errors, Guid? PlanId = null, Guid? RowId = null)
{
    public static CommandResult Done(Guid planId) => new(CommandOutcome.Done, [], planId);
    public static CommandResult Invalid(IReadOnlyList<FieldError> errors) => new(CommandOutcome.Invalid, errors);
    public static readonly CommandResult Conflict = new(CommandOutcome.Conflict,
        [new("Version", "Someone else changed this care plan while you were working on it. Nothing has been saved: check the latest version, then make your change again")]);
}

/// <summary>
/// Incidents and their chain analyses, shared by the pages and the API: record an incident; start, change and
/// complete an analysis. Each validates everything before touching the database (nothing partial is saved), checks
/// the version the person read, stages its audit row and saves once.
/// </summary>
public sealed class IncidentCommands(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public static readonly IReadOnlyList<FieldError> CompletedErrors = [new("Status", "This chain analysis is complete and can no longer be changed")];

    public static readonly CommandResult Conflict = new(CommandOutcome.Conflict,
        [new("Version", "Someone else changed this chain analysis while you were working on it. Nothing has been saved: check the latest version, then make your change again")]);

    /// <param name="errors">Errors found while reading the form or request (a date that is not a date), reported with the rest.</param>
    public async Task<CommandResult> RecordAsync(Guid caseId, NewIncident input, Guid userId, List<FieldError> errors, CancellationToken ct)
    {
        input.Validate(clock.GetUtcNow(), errors);
        if (errors.Count > 0) return CommandResult.Invalid(errors);
        var incident = input.ToIncident(caseId, userId, clock.GetUtcNow());
        db.Incidents.Add(incident);
        audit.Add("incident.create", "Incident", incident.Id, caseId);
        await db.SaveChangesAsync(ct);
        return new CommandResult(CommandOutcome.Done, [], null, incident.Id);
    }

    /// <summary>The incident's analysis, or null if none has been started.</summary>
    public Task<Entity?> FindAnalysisAsync(Guid incidentId, bool track, CancellationToken ct)
    {
        var query = db.ChainAnalyses.Include(x => x.Links).AsQueryable();
        if (!track) query = query.AsNoTracking();
        return query.FirstOrDefaultAsync(x => x.IncidentId == incidentId, ct);
    }

    /// <summary>
    /// Starts an analysis of <paramref name="incident"/> with whatever is known so far. The API asks for the problem
    /// behaviour up front (<paramref name="needProblem"/>); the page starts an empty one the first time it is opened.
    /// </summary>
    public async Task<CommandResult> StartAnalysisAsync(Incident incident, ChainAnalysisText text, IReadOnlyList<ChainLink>? links, bool needProblem, CancellationToken ct)
    {
        var errors = text.Validate().ToList();
        if (needProblem && string.IsNullOrWhiteSpace(text.ProblemBehaviour))
            errors.Add(new(nameof(text.ProblemBehaviour), "Define the problem behaviour precisely: what was done, how, for how long"));
        var chain = BuildChain(links ?? [], errors);
        if (errors.Count > 0) return CommandResult.Invalid(errors);
        if (await db.ChainAnalyses.AnyAsync(a => a.IncidentId == incident.Id, ct))
            return CommandResult.Invalid([new("Incident", "This incident already has a chain analysis: change that one")]);
        var a = new Entity { IncidentId = incident.Id, CaseId = incident.CaseId, CreatedAt = clock.GetUtcNow() };
        text.CopyTo(a);
        a.SetChain(chain);
        db.ChainAnalyses.Add(a);
        audit.Add("chainanalysis.create", "ChainAnalysis", a.Id, incident.CaseId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // One analysis per incident: someone started it at the same moment.
            db.ChangeTracker.Clear();
            return CommandResult.Invalid([new("Incident", "This incident already has a chain analysis: change that one")]);
        }
        return new CommandResult(CommandOutcome.Done, [], null, a.Id);
    }

    /// <summary>Saves the written steps and, if <paramref name="links"/> is given, replaces the whole chain with it, in that order.</summary>
    public Task<CommandResult> SaveAsync(Entity a, int version, ChainAnalysisText text, IReadOnlyList<ChainLink>? links, CancellationToken ct) =>
        ChangeAsync(a, version, text, errors => links is null ? null : BuildChain(links, errors), null, ct);

    /// <summary>Saves the written steps and applies one edit to the chain (add, move or remove a link), as the page does.</summary>
    public Task<CommandResult> EditChainAsync(Entity a, int version, ChainAnalysisText text, Func<Chain, (Chain Chain, FieldError? Error)> edit, CancellationToken ct) =>
        ChangeAsync(a, version, text, errors =>
        {
            var (chain, error) = edit(a.ToChain());
            if (error is not null) errors.Add(error);
            return chain;
        }, null, ct);

    /// <summary>Completes the analysis: every DBT step, at least one link and the broad function. It then feeds the next care-plan review.</summary>
    public Task<CommandResult> CompleteAsync(Entity a, int version, ChainAnalysisText? text, Guid userId, CancellationToken ct) =>
        ChangeAsync(a, version, text ?? ChainAnalysisText.From(a), _ => null, userId, ct);

    private async Task<CommandResult> ChangeAsync(Entity a, int version, ChainAnalysisText text, Func<List<FieldError>, Chain?> chainChange, Guid? completedBy, CancellationToken ct)
    {
        if (a.CompletedAt is not null) return CommandResult.Invalid(CompletedErrors);
        var errors = text.Validate().ToList();
        var chain = chainChange(errors);
        if (errors.Count == 0 && completedBy is not null)
        {
            errors.AddRange(ChainAnalysisRules.CanComplete(new ChainAnalysisFacts(text.ProblemBehaviour, text.VulnerabilityFactors, text.PromptingEvent,
                chain ?? a.ToChain(), text.ShortTermConsequences, text.LongTermConsequences, text.Function, text.PreventionAndRepair)));
            if (text.FunctionCategory is null) errors.Add(new(nameof(text.FunctionCategory), "Choose the broad function, so patterns across incidents can be seen"));
        }
        if (errors.Count > 0) return CommandResult.Invalid(errors);
        if (version != a.Version) return Conflict;

        text.CopyTo(a);
        if (chain is not null)
        {
            db.ChainAnalysisLinks.RemoveRange(a.Links);
            a.SetChain(chain);
            db.ChainAnalysisLinks.AddRange(a.Links);
        }
        if (completedBy is { } who)
        {
            a.CompletedAt = clock.GetUtcNow();
            a.CompletedById = who;
        }
        if (db.Entry(a).State == EntityState.Unchanged) db.Entry(a).State = EntityState.Modified;
        db.Entry(a).Property(x => x.Version).OriginalValue = version;
        audit.Add(completedBy is null ? "chainanalysis.update" : "chainanalysis.complete", "ChainAnalysis", a.Id, a.CaseId);
        try
        {
            await db.SaveChangesAsync(ct);
            return new CommandResult(CommandOutcome.Done, [], null, a.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Conflict;
        }
    }

    /// <summary>A chain from submitted links, each checked; errors name the link (<c>Links[2].Text</c>).</summary>
    private static Chain BuildChain(IReadOnlyList<ChainLink> links, List<FieldError> errors)
    {
        var chain = Chain.Empty;
        for (var i = 0; i < links.Count; i++)
        {
            var (next, error) = chain.Insert(chain.Links.Count, links[i]);
            if (error is null) chain = next;
            else if (error.Field == "Links") { errors.Add(error); break; }
            else errors.Add(new($"Links[{i}].{error.Field}", $"Link {i + 1}: {error.Message}"));
        }
        return chain;
    }
}
