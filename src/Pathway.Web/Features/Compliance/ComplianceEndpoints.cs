using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Compliance;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Cases.Timeline;
using Pathway.Web.Features.Compliance.Concerns;
using Pathway.Web.Features.Compliance.Contacts;
using Pathway.Web.Features.Compliance.Enforcement;
using Pathway.Web.Features.Licences;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance;

public sealed record ContactDto(Guid Id, string Date, string Kind, string Outcome, string? Reason, string? Notes, int Version)
{
    public static ContactDto From(Contact c) => new(c.Id, Api.Date(c.Date), Api.Name(c.Kind), Api.Name(c.Outcome), c.Reason, c.Notes, c.Version);
}

/// <summary>A contact to add or change. Values arrive as text so a wrong one is reported against its field.</summary>
public sealed record ContactWriteRequest(string? Date, string? Kind, string? Outcome, string? Reason, string? Notes, int? Version)
{
    public ContactDetails Parse(List<FieldError> errors) => new(
        Api.ParseDate(Date, nameof(Date), errors),
        Api.ParseEnum<ContactKind>(Kind, nameof(Kind), errors),
        Api.ParseEnum<ContactOutcome>(Outcome, nameof(Outcome), errors),
        Reason, Notes);
}

public sealed record LinkedConditionDto(string Ref, string Text)
{
    public static IReadOnlyList<LinkedConditionDto> From(IEnumerable<LinkedCondition> cs) => cs.Select(c => new LinkedConditionDto(c.Ref, c.Text)).ToList();
}

/// <summary>A behaviour of concern; <c>carePlanId</c>/<c>carePlanSign</c> are set when the sign was chosen from the care plan.</summary>
public sealed record ConcernDto(Guid Id, string Date, string Type, string Description, string? MatchedEarlyWarningSign, Guid? CarePlanId, string? CarePlanSign,
    IReadOnlyList<LinkedConditionDto> Conditions)
{
    public static ConcernDto From(BehaviourOfConcern c) => new(c.Id, Api.Date(c.Date), Api.Name(c.Type), c.Description, c.MatchedEarlyWarningSign,
        c.CarePlanId, c.CarePlanSignKey, LinkedConditionDto.From(c.Conditions));
}

/// <summary>A trigger or early warning sign of the active care plan: send its <c>key</c> as a concern's <c>carePlanSign</c>.</summary>
public sealed record CarePlanSignDto(string Key, string Kind, string Sign, string Line);

public sealed record CarePlanSignsDto(Guid? CarePlanId, int? CarePlanNumber, IReadOnlyList<CarePlanSignDto> Signs);

/// <summary>
/// A behaviour of concern. <c>conditions</c> are refs from the current licence (<c>S:{code}</c> for a standard condition,
/// <c>A:{id}</c> for an additional one); <c>carePlanSign</c> is the key of one of the active care plan's signs (see
/// <c>GET …/concerns/care-plan-signs</c>), or <c>matchedEarlyWarningSign</c> describes one that is not in the plan.
/// </summary>
public sealed record ConcernWriteRequest(string? Date, string? Type, string? Description, string? MatchedEarlyWarningSign, IReadOnlyList<string>? Conditions,
    string? CarePlanSign = null)
{
    public Concerns.ConcernDetails Parse(List<FieldError> errors) => new(
        Api.ParseDate(Date, nameof(Date), errors), Api.ParseEnum<ConcernType>(Type, nameof(Type), errors), Description, MatchedEarlyWarningSign, Conditions ?? [],
        CarePlanSign);
}

public sealed record WarningDto(Guid Id, Guid LicenceId, string Level, string IssuedOn, string Circumstances, IReadOnlyList<LinkedConditionDto> Conditions)
{
    public static WarningDto From(WarningLetter w) => new(w.Id, w.LicenceId, Api.Name(w.Level), Api.Date(w.IssuedOn), w.Circumstances, LinkedConditionDto.From(w.Conditions));
}

/// <summary>A warning letter: <c>level</c> first or final; <c>conditions</c> refs from the current licence, at least one.</summary>
public sealed record WarningWriteRequest(string? Level, string? IssuedOn, string? Circumstances, IReadOnlyList<string>? Conditions)
{
    public Enforcement.WarningDetails Parse(List<FieldError> errors) => new(
        Api.ParseEnum<WarningLevel>(Level, nameof(Level), errors), Api.ParseDate(IssuedOn, nameof(IssuedOn), errors), Circumstances, Conditions ?? []);
}

public sealed record BreachDto(Guid Id, Guid LicenceId, string OccurredOn, string Description, IReadOnlyList<LinkedConditionDto> Conditions)
{
    public static BreachDto From(Breach b) => new(b.Id, b.LicenceId, Api.Date(b.OccurredOn), b.Description, LinkedConditionDto.From(b.Conditions));
}

public sealed record BreachWriteRequest(string? OccurredOn, string? Description, IReadOnlyList<string>? Conditions)
{
    public Enforcement.BreachDetails Parse(List<FieldError> errors) => new(Api.ParseDate(OccurredOn, nameof(OccurredOn), errors), Description, Conditions ?? []);
}

public sealed record FiredRuleDto(string Code, string Title, string Explanation, IReadOnlyList<string> Dates, IReadOnlyList<string> Prompts)
{
    public static FiredRuleDto From(FiredRule f) => new(f.Rule.Code, f.Rule.Title, f.Explanation, f.Dates.Select(Api.Date).ToList(), f.Rule.Prompts.Select(Api.Name).ToList());
}

public sealed record SignalRowDto(Guid CaseId, string Crn, string Name, Guid TeamId, string? TeamName, IReadOnlyList<FiredRuleDto> Fired);

public sealed record ComplianceWindowDto(int Weeks, int Kept, int Expected, double? Rate, int AcceptableAbsences, int AwaitingOutcome)
{
    public static ComplianceWindowDto From(ComplianceWindow w) => new(w.Weeks, w.Kept, w.Expected, w.Rate, w.Excused, w.AwaitingOutcome);
}

public static class ComplianceEndpoints
{
    public static RouteGroupBuilder MapComplianceEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{id:guid}").WithTags("Compliance");
        cases.MapGet("/compliance", GetComplianceAsync).Audited(AuditActions.Compliance.Read).ForCase(AccessNeed.Read, "Compliance")
            .WithSummary("Contacts kept of contacts expected over the last 4, 12 and 26 weeks");
        cases.MapGet("/compliance/timeline", GetTimelineAsync).Audited(AuditActions.Compliance.TimelineRead).ForCase(AccessNeed.Read, "ComplianceTimeline")
            .WithSummary("Contacts, warning letters, breaches, concerns, incidents and consultations, newest first; ?kind=contact&kind=concern… to filter");
        cases.MapGet("/contacts", ListContactsAsync).Audited(AuditActions.Contact.List).ForCase(AccessNeed.Read, "ContactList").WithSummary("A case's contacts, newest first");
        cases.MapPost("/contacts", CreateContactAsync).Audited(AuditActions.Contact.Create).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Add a planned contact, or one that has happened with its outcome (outcomes in the future are refused)");
        cases.MapGet("/contacts/{contactId:guid}", GetContactAsync).Audited(AuditActions.Contact.Read).ForCase(AccessNeed.Read, "Contact", "contactId")
            .WithSummary("One contact, with the version to send when recording its outcome");
        cases.MapPut("/contacts/{contactId:guid}", UpdateContactAsync).Audited(AuditActions.Contact.Update).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Record or change a contact's outcome; send the version you read, or get 409 if someone else changed it");
        cases.MapGet("/concerns", ListConcernsAsync).Audited(AuditActions.Concern.List).ForCase(AccessNeed.Read, "ConcernList").WithSummary("A case's behaviours of concern, newest first");
        cases.MapPost("/concerns", CreateConcernAsync).Audited(AuditActions.Concern.Create).ForCase(AccessNeed.Contribute).RequireAuthorization(Policies.ConcernRecorder)
            .WithSummary("Record a behaviour of concern, optionally linked to licence conditions and a care-plan early warning sign");
        cases.MapGet("/concerns/{concernId:guid}", GetConcernAsync).Audited(AuditActions.Concern.Read).ForCase(AccessNeed.Read, "BehaviourOfConcern", "concernId")
            .WithSummary("One behaviour of concern");
        cases.MapGet("/concerns/care-plan-signs", ListCarePlanSignsAsync).Audited(AuditActions.Concern.SignsRead).ForCase(AccessNeed.Contribute, "CarePlanSigns")
            .RequireAuthorization(Policies.ConcernRecorder)
            .WithSummary("The triggers and early warning signs of the active care plan that a concern may be linked to (none for roles that do not see them)");
        cases.MapGet("/warnings", ListWarningsAsync).Audited(AuditActions.Warning.List).ForCase(AccessNeed.Read, "WarningLetterList").WithSummary("A case's warning letters, newest first");
        cases.MapPost("/warnings", CreateWarningAsync).Audited(AuditActions.Warning.Create).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Record a first or final warning letter linked to the breached conditions of the current licence");
        cases.MapGet("/warnings/{warningId:guid}", GetWarningAsync).Audited(AuditActions.Warning.Read).ForCase(AccessNeed.Read, "WarningLetter", "warningId")
            .WithSummary("One warning letter record");
        cases.MapGet("/warnings/{warningId:guid}/letter", GetLetterAsync).Audited(AuditActions.Warning.LetterRead).ForCase(AccessNeed.Read, "WarningLetter", "warningId")
            .WithSummary("The letter's words, composed from the template (title, paragraphs, conditions)");
        cases.MapGet("/warnings/{warningId:guid}/letter.pdf", GetLetterPdfAsync).Audited(AuditActions.Warning.LetterDownload).ForCase(AccessNeed.Read, "WarningLetter", "warningId")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("The warning letter as PDF, from the same template as the printable page");
        cases.MapGet("/breaches", ListBreachesAsync).Audited(AuditActions.Breach.List).ForCase(AccessNeed.Read, "BreachList").WithSummary("A case's breaches, newest first");
        cases.MapGet("/breaches/{breachId:guid}", GetBreachAsync).Audited(AuditActions.Breach.Read).ForCase(AccessNeed.Read, "Breach", "breachId").WithSummary("One breach record");
        cases.MapPost("/breaches", CreateBreachAsync).Audited(AuditActions.Breach.Create).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Record a breach of specific conditions of the current licence");
        cases.MapGet("/signals", GetSignalsAsync).Audited(AuditActions.Signal.Read).ForCase(AccessNeed.Read, "Signals")
            .WithSummary("The case's early-warning signal: each rule that fires, the facts behind it, and what it prompts");
        api.MapGet("/signals", ListSignalsAsync).Audited(AuditActions.Signal.List).RequireAuthorization(Policies.CaseData).WithTags("Compliance")
            .WithSummary("Cases you can see with an active early-warning signal (optionally one team's)");
        return api;
    }

    // The case in the route is loaded, checked and audited by .ForCase before any of these run (see CurrentCase): a
    // missing or out-of-scope case never reaches them. `Guid id` stays in the signatures for the OpenAPI document.

    private static async Task<Results<Ok<IReadOnlyList<TimelineEntryDto>>, NotFound>> GetTimelineAsync(
        Guid id, CurrentCase current, PathwayDbContext db, TimeProvider clock, CancellationToken ct, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? kind = null) =>
        TypedResults.Ok(await TimelineEntryDto.LoadAsync(db, current.Context, kind, TimelineScope.Compliance, Today(clock), ct));

    private static async Task<Results<Ok<IReadOnlyList<FiredRuleDto>>, NotFound>> GetSignalsAsync(
        Guid id, CurrentCase current, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var fired = await Signals.CaseSignals.ForCaseAsync(db, current.Context.Id, Today(clock), ct);
        return TypedResults.Ok<IReadOnlyList<FiredRuleDto>>(fired.Select(FiredRuleDto.From).ToList());
    }

    private static async Task<Ok<IReadOnlyList<SignalRowDto>>> ListSignalsAsync(
        Guid? team, CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var result = await Signals.SignalList.RunAsync(db, await access.VisibleAsync(ct), team, Today(clock), 1000, ct);
        await audit.ReadAsync("SignalList", null, null, ct);
        return TypedResults.Ok<IReadOnlyList<SignalRowDto>>(result.Rows
            .Select(r => new SignalRowDto(r.CaseId, r.Crn, r.Name, r.TeamId, r.TeamName, r.Fired.Select(FiredRuleDto.From).ToList())).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<ComplianceWindowDto>>, NotFound>> GetComplianceAsync(
        Guid id, CurrentCase current, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var caseId = current.Context.Id;
        var today = Today(clock);
        var facts = (await ComplianceFacts.LoadAsync(db, [caseId], ComplianceFacts.WindowStart(today), today, ct))[caseId];
        return TypedResults.Ok<IReadOnlyList<ComplianceWindowDto>>(ComplianceFigures.Compute(facts.Contacts, today).Select(ComplianceWindowDto.From).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<ContactDto>>, NotFound>> ListContactsAsync(Guid id, CurrentCase current, PathwayDbContext db, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<ContactDto>>((await db.Contacts.AsNoTracking().Where(x => x.CaseId == current.Context.Id)
            .OrderByDescending(x => x.Date).ThenByDescending(x => x.CreatedAt).ToListAsync(ct)).Select(ContactDto.From).ToList());

    private static async Task<Results<Created<ContactDto>, NotFound, ValidationProblem>> CreateContactAsync(
        Guid id, ContactWriteRequest body, CurrentCase current, AddContact add, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        return (await add.HandleAsync(current.Context, body.Parse(unreadable), unreadable, ct))
            .ToCreated(x => $"/api/v1/cases/{x.CaseId}/contacts/{x.Id}", ContactDto.From);
    }

    private static async Task<Results<Ok<ContactDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<ContactDto>>>> UpdateContactAsync(
        Guid id, Guid contactId, ContactWriteRequest body, CurrentCase current, RecordContactOutcome record, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        if (body.Version is null) unreadable.Add(new("Version", "Send the version of the contact you are changing (from a GET)"));
        var outcome = await record.HandleAsync(current.Context, contactId, body.Parse(unreadable), body.Version ?? 0, unreadable, ct);
        return outcome.ToOk(ContactDto.From, "contact", x => x.Version);
    }

    private static async Task<Results<Ok<IReadOnlyList<ConcernDto>>, NotFound>> ListConcernsAsync(Guid id, CurrentCase current, PathwayDbContext db, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<ConcernDto>>((await db.BehavioursOfConcern.AsNoTracking().Where(x => x.CaseId == current.Context.Id)
            .OrderByDescending(x => x.Date).ThenByDescending(x => x.CreatedAt).ToListAsync(ct)).Select(ConcernDto.From).ToList());

    private static async Task<Results<Created<ConcernDto>, NotFound, ValidationProblem>> CreateConcernAsync(
        Guid id, ConcernWriteRequest body, CurrentCase current, RecordConcern record, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        return (await record.HandleAsync(current.Context, body.Parse(unreadable), unreadable, ct))
            .ToCreated(x => $"/api/v1/cases/{x.CaseId}/concerns/{x.Id}", ConcernDto.From);
    }

    private static async Task<Results<Ok<CarePlanSignsDto>, NotFound>> ListCarePlanSignsAsync(
        Guid id, CurrentCase current, PathwayDbContext db, AuditLog audit, CancellationToken ct)
    {
        var c = current.Context;
        var signs = await CarePlanSignChoices.LoadAsync(db, c.Id, c.Who, ct);
        await audit.ReadAsync("CarePlan", signs.PlanId, c.Id, ct);
        return TypedResults.Ok(new CarePlanSignsDto(signs.PlanId, signs.PlanNumber, signs.Signs.Select(s => new CarePlanSignDto(s.Key, s.Kind, s.Sign, s.Line)).ToList()));
    }

    private static async Task<Results<Ok<IReadOnlyList<WarningDto>>, NotFound>> ListWarningsAsync(Guid id, CurrentCase current, PathwayDbContext db, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<WarningDto>>((await db.WarningLetters.AsNoTracking().Where(x => x.CaseId == current.Context.Id)
            .OrderByDescending(x => x.IssuedOn).ThenByDescending(x => x.CreatedAt).ToListAsync(ct)).Select(WarningDto.From).ToList());

    private static async Task<Results<Created<WarningDto>, NotFound, ValidationProblem>> CreateWarningAsync(
        Guid id, WarningWriteRequest body, CurrentCase current, IssueWarningLetter issue, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        return (await issue.HandleAsync(current.Context, body.Parse(unreadable), unreadable, ct))
            .ToCreated(x => $"/api/v1/cases/{x.CaseId}/warnings/{x.Id}", WarningDto.From);
    }

    private static async Task<Results<Ok<Enforcement.LetterText>, NotFound>> GetLetterAsync(
        Guid id, Guid warningId, CurrentCase current, PathwayDbContext db, AuditLog audit, CancellationToken ct)
    {
        var c = current.Context.Case;
        var letter = await CaseRecordLookup.FindAsync(db.WarningLetters.AsNoTracking(), audit, c.Id, warningId, ct);
        if (letter is null) return TypedResults.NotFound();
        var officer = letter.IssuedById is { } by ? await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        return TypedResults.Ok(Enforcement.WarningLetterText.Compose(letter, c, officer));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> GetLetterPdfAsync(
        Guid id, Guid warningId, CurrentCase current, PathwayDbContext db, AuditLog audit, CancellationToken ct)
    {
        var file = await Enforcement.WarningLetterPdf.LoadAsync(db, audit, current.Context.Case, warningId, ct);
        return file is { } f ? TypedResults.File(f.Bytes, "application/pdf", f.FileName) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<IReadOnlyList<BreachDto>>, NotFound>> ListBreachesAsync(Guid id, CurrentCase current, PathwayDbContext db, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<BreachDto>>((await db.Breaches.AsNoTracking().Where(x => x.CaseId == current.Context.Id)
            .OrderByDescending(x => x.OccurredOn).ThenByDescending(x => x.CreatedAt).ToListAsync(ct)).Select(BreachDto.From).ToList());

    private static async Task<Results<Created<BreachDto>, NotFound, ValidationProblem>> CreateBreachAsync(
        Guid id, BreachWriteRequest body, CurrentCase current, RecordBreachOfLicence record, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        return (await record.HandleAsync(current.Context, body.Parse(unreadable), unreadable, ct))
            .ToCreated(x => $"/api/v1/cases/{x.CaseId}/breaches/{x.Id}", BreachDto.From);
    }

    private static Task<Results<Ok<ContactDto>, NotFound>> GetContactAsync(Guid id, Guid contactId, CurrentCase current, PathwayDbContext db, AuditLog audit, CancellationToken ct) =>
        GetOneAsync(current, contactId, db.Contacts, ContactDto.From, audit, ct);

    private static Task<Results<Ok<ConcernDto>, NotFound>> GetConcernAsync(Guid id, Guid concernId, CurrentCase current, PathwayDbContext db, AuditLog audit, CancellationToken ct) =>
        GetOneAsync(current, concernId, db.BehavioursOfConcern, ConcernDto.From, audit, ct);

    private static Task<Results<Ok<WarningDto>, NotFound>> GetWarningAsync(Guid id, Guid warningId, CurrentCase current, PathwayDbContext db, AuditLog audit, CancellationToken ct) =>
        GetOneAsync(current, warningId, db.WarningLetters, WarningDto.From, audit, ct);

    private static Task<Results<Ok<BreachDto>, NotFound>> GetBreachAsync(Guid id, Guid breachId, CurrentCase current, PathwayDbContext db, AuditLog audit, CancellationToken ct) =>
        GetOneAsync(current, breachId, db.Breaches, BreachDto.From, audit, ct);

    /// <summary>One compliance record under the case (whose read row, naming the record, .ForCase has written).</summary>
    private static async Task<Results<Ok<TDto>, NotFound>> GetOneAsync<T, TDto>(
        CurrentCase current, Guid recordId, IQueryable<T> set, Func<T, TDto> map, AuditLog audit, CancellationToken ct)
        where T : class, ICaseOwned
    {
        var found = await CaseRecordLookup.FindAsync(set.AsNoTracking(), audit, current.Context.Id, recordId, ct);
        return found is null ? Outcome.NotFound<T>().ToOk(map) : ((Outcome<T>)found).ToOk(map);
    }

    internal static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
