using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Compliance;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Compliance.Contacts;
using Pathway.Web.Features.Compliance.Concerns;
using Pathway.Web.Features.Licences;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

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

/// <summary>One compliance timeline entry; <c>link</c> is the page that shows the record, where there is one.</summary>
public sealed record TimelineEntryDto(string Date, string Kind, string Title, string? Detail, string? Status, string? Link, string? By);

public static class ComplianceEndpoints
{
    public static RouteGroupBuilder MapComplianceEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{id:guid}").WithTags("Compliance");
        cases.MapGet("/compliance", GetComplianceAsync).Audited("compliance.read")
            .WithSummary("Contacts kept of contacts expected over the last 4, 12 and 26 weeks");
        cases.MapGet("/compliance/timeline", GetTimelineAsync).Audited("compliance.timeline.read")
            .WithSummary("Contacts, warning letters, breaches, concerns, incidents and consultations, newest first; ?kind=contact&kind=concern… to filter");
        cases.MapGet("/contacts", ListContactsAsync).Audited("contact.list").WithSummary("A case's contacts, newest first");
        cases.MapPost("/contacts", CreateContactAsync).Audited("contact.create").RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Add a planned contact, or one that has happened with its outcome (outcomes in the future are refused)");
        cases.MapGet("/contacts/{contactId:guid}", GetContactAsync).Audited("contact.read")
            .WithSummary("One contact, with the version to send when recording its outcome");
        cases.MapPut("/contacts/{contactId:guid}", UpdateContactAsync).Audited("contact.update").RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Record or change a contact's outcome; send the version you read, or get 409 if someone else changed it");
        cases.MapGet("/concerns", ListConcernsAsync).Audited("concern.list").WithSummary("A case's behaviours of concern, newest first");
        cases.MapPost("/concerns", CreateConcernAsync).Audited("concern.create").RequireAuthorization(Policies.ConcernRecorder)
            .WithSummary("Record a behaviour of concern, optionally linked to licence conditions and a care-plan early warning sign");
        cases.MapGet("/concerns/{concernId:guid}", GetConcernAsync).Audited("concern.read").WithSummary("One behaviour of concern");
        cases.MapGet("/concerns/care-plan-signs", ListCarePlanSignsAsync).Audited("concern.signs.read").RequireAuthorization(Policies.ConcernRecorder)
            .WithSummary("The triggers and early warning signs of the active care plan that a concern may be linked to (none for roles that do not see them)");
        cases.MapGet("/warnings", ListWarningsAsync).Audited("warning.list").WithSummary("A case's warning letters, newest first");
        cases.MapPost("/warnings", CreateWarningAsync).Audited("warning.create").RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Record a first or final warning letter linked to the breached conditions of the current licence");
        cases.MapGet("/warnings/{warningId:guid}", GetWarningAsync).Audited("warning.read").WithSummary("One warning letter record");
        cases.MapGet("/warnings/{warningId:guid}/letter", GetLetterAsync).Audited("warning.letter.read")
            .WithSummary("The letter's words, composed from the template (title, paragraphs, conditions)");
        cases.MapGet("/warnings/{warningId:guid}/letter.pdf", GetLetterPdfAsync).Audited("warning.letter.pdf")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("The warning letter as PDF, from the same template as the printable page");
        cases.MapGet("/breaches", ListBreachesAsync).Audited("breach.list").WithSummary("A case's breaches, newest first");
        cases.MapGet("/breaches/{breachId:guid}", GetBreachAsync).Audited("breach.read").WithSummary("One breach record");
        cases.MapPost("/breaches", CreateBreachAsync).Audited("breach.create").RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Record a breach of specific conditions of the current licence");
        cases.MapGet("/signals", GetSignalsAsync).Audited("signal.read")
            .WithSummary("The case's early-warning signal: each rule that fires, the facts behind it, and what it prompts");
        api.MapGet("/signals", ListSignalsAsync).Audited("signal.list").RequireAuthorization(Policies.CaseData).WithTags("Compliance")
            .WithSummary("Cases you can see with an active early-warning signal (optionally one team's)");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<TimelineEntryDto>>, NotFound>> GetTimelineAsync(
        Guid id, string[]? kind, CaseAccess access, PathwayDbContext db, HttpContext http, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "ComplianceTimeline");
        if (c is null) return TypedResults.NotFound();
        var (entries, names) = await Timeline.ComplianceTimeline.LoadAsync(db, id, http.User.ToStaffContext().Roles, kind ?? [], ct);
        return TypedResults.Ok<IReadOnlyList<TimelineEntryDto>>(entries.Select(e => new TimelineEntryDto(Api.Date(e.Date), e.Kind.Key, e.Title, e.Detail, e.Status, e.Href,
            e.ById is { } by ? names.GetValueOrDefault(by) : null)).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<FiredRuleDto>>, NotFound>> GetSignalsAsync(
        Guid id, CaseAccess access, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "Signals");
        if (c is null) return TypedResults.NotFound();
        var fired = await Signals.CaseSignals.ForCaseAsync(db, id, Today(clock), ct);
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

    private static async Task<Results<Ok<IReadOnlyList<WarningDto>>, NotFound>> ListWarningsAsync(Guid id, CaseAccess access, PathwayDbContext db, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "WarningLetterList");
        if (c is null) return TypedResults.NotFound();
        var rows = await db.WarningLetters.AsNoTracking().Where(x => x.CaseId == id).OrderByDescending(x => x.IssuedOn).ThenByDescending(x => x.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<WarningDto>>(rows.Select(WarningDto.From).ToList());
    }

    private static async Task<Results<Created<WarningDto>, NotFound, ValidationProblem>> CreateWarningAsync(
        Guid id, WarningWriteRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return TypedResults.NotFound();
        var today = Today(clock);
        var conditions = await CurrentLicenceConditions.LoadAsync(db, id, today, ct);
        var errors = new List<FieldError>();
        var details = body.Parse(errors);
        errors.AddRange(details.Validate(today, conditions.Licence, errors.Fields()));
        var linked = conditions.Resolve(details.ConditionRefs, "Conditions", errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        var letter = details.ToLetter(c.Id, conditions.Licence!, linked, http.User.ToStaffContext().UserId, clock.GetUtcNow());
        db.WarningLetters.Add(letter);
        audit.Add(null, "WarningLetter", letter.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/cases/{c.Id}/warnings/{letter.Id}", WarningDto.From(letter));
    }

    private static async Task<Results<Ok<Enforcement.LetterText>, NotFound>> GetLetterAsync(
        Guid id, Guid warningId, CaseAccess access, PathwayDbContext db, AuditLog audit, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "WarningLetter", warningId);
        if (c is null) return TypedResults.NotFound();
        var letter = await CaseRecordLookup.FindAsync(db.WarningLetters.AsNoTracking(), audit, id, warningId, ct);
        if (letter is null) return TypedResults.NotFound();
        var officer = letter.IssuedById is { } by ? await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        return TypedResults.Ok(Enforcement.WarningLetterText.Compose(letter, c, officer));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> GetLetterPdfAsync(
        Guid id, Guid warningId, CaseAccess access, PathwayDbContext db, AuditLog audit, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "WarningLetter", warningId);
        if (c is null) return TypedResults.NotFound();
        var file = await Enforcement.WarningLetterPdf.LoadAsync(db, audit, c, warningId, ct);
        return file is { } f ? TypedResults.File(f.Bytes, "application/pdf", f.FileName) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<IReadOnlyList<BreachDto>>, NotFound>> ListBreachesAsync(Guid id, CaseAccess access, PathwayDbContext db, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "BreachList");
        if (c is null) return TypedResults.NotFound();
        var rows = await db.Breaches.AsNoTracking().Where(x => x.CaseId == id).OrderByDescending(x => x.OccurredOn).ThenByDescending(x => x.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<BreachDto>>(rows.Select(BreachDto.From).ToList());
    }

    private static async Task<Results<Created<BreachDto>, NotFound, ValidationProblem>> CreateBreachAsync(
        Guid id, BreachWriteRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return TypedResults.NotFound();
        var today = Today(clock);
        var conditions = await CurrentLicenceConditions.LoadAsync(db, id, today, ct);
        var errors = new List<FieldError>();
        var details = body.Parse(errors);
        errors.AddRange(details.Validate(today, conditions.Licence, errors.Fields()));
        var linked = conditions.Resolve(details.ConditionRefs, "Conditions", errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        var breach = details.ToBreach(c.Id, conditions.Licence!, linked, http.User.ToStaffContext().UserId, clock.GetUtcNow());
        db.Breaches.Add(breach);
        audit.Add(null, "Breach", breach.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/cases/{c.Id}/breaches/{breach.Id}", BreachDto.From(breach));
    }

    private static async Task<Results<Ok<CarePlanSignsDto>, NotFound>> ListCarePlanSignsAsync(
        Guid id, CaseAccess access, PathwayDbContext db, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Contribute, ct, "CarePlanSigns");
        if (c is null) return TypedResults.NotFound();
        var signs = await CarePlanSignChoices.LoadAsync(db, id, http.User, ct);
        await audit.ReadAsync("CarePlan", signs.PlanId, id, ct);
        return TypedResults.Ok(new CarePlanSignsDto(signs.PlanId, signs.PlanNumber, signs.Signs.Select(s => new CarePlanSignDto(s.Key, s.Kind, s.Sign, s.Line)).ToList()));
    }

    private static async Task<Results<Ok<IReadOnlyList<ConcernDto>>, NotFound>> ListConcernsAsync(
        Guid id, CaseAccess access, PathwayDbContext db, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "ConcernList");
        if (c is null) return TypedResults.NotFound();
        var rows = await db.BehavioursOfConcern.AsNoTracking().Where(x => x.CaseId == id).OrderByDescending(x => x.Date).ThenByDescending(x => x.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ConcernDto>>(rows.Select(ConcernDto.From).ToList());
    }

    private static async Task<Results<Created<ConcernDto>, NotFound, ValidationProblem>> CreateConcernAsync(
        Guid id, ConcernWriteRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Contribute, ct);
        if (c is null) return TypedResults.NotFound();
        var today = Today(clock);
        var errors = new List<FieldError>();
        var details = body.Parse(errors);
        errors.AddRange(details.Validate(today, errors.Fields()));
        var linked = (await CurrentLicenceConditions.LoadAsync(db, id, today, ct)).Resolve(details.ConditionRefs, "Conditions", errors);
        var signs = await CarePlanSignChoices.LoadAsync(db, id, http.User, ct);
        var sign = signs.Resolve(details.CarePlanSignKey, nameof(ConcernWriteRequest.CarePlanSign), errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        var concern = details.ToConcern(c.Id, linked, sign, signs.PlanId, http.User.ToStaffContext().UserId, clock.GetUtcNow());
        db.BehavioursOfConcern.Add(concern);
        audit.Add(null, "BehaviourOfConcern", concern.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/cases/{c.Id}/concerns/{concern.Id}", ConcernDto.From(concern));
    }

    private static async Task<Results<Ok<IReadOnlyList<ComplianceWindowDto>>, NotFound>> GetComplianceAsync(
        Guid id, CaseAccess access, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "Compliance");
        if (c is null) return TypedResults.NotFound();
        var today = Today(clock);
        var facts = (await ComplianceFacts.LoadAsync(db, [id], ComplianceFacts.WindowStart(today), today, ct))[id];
        return TypedResults.Ok<IReadOnlyList<ComplianceWindowDto>>(ComplianceFigures.Compute(facts.Contacts, today).Select(ComplianceWindowDto.From).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<ContactDto>>, NotFound>> ListContactsAsync(
        Guid id, CaseAccess access, PathwayDbContext db, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "ContactList");
        if (c is null) return TypedResults.NotFound();
        var rows = await db.Contacts.AsNoTracking().Where(x => x.CaseId == id).OrderByDescending(x => x.Date).ThenByDescending(x => x.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ContactDto>>(rows.Select(ContactDto.From).ToList());
    }

    private static async Task<Results<Created<ContactDto>, NotFound, ValidationProblem>> CreateContactAsync(
        Guid id, ContactWriteRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return TypedResults.NotFound();
        var errors = new List<FieldError>();
        var details = body.Parse(errors);
        errors.AddRange(details.Validate(Today(clock), errors.Fields()));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        var contact = new Contact { CaseId = c.Id, RecordedById = http.User.ToStaffContext().UserId, CreatedAt = clock.GetUtcNow() };
        details.Apply(contact);
        db.Contacts.Add(contact);
        audit.Add(null, "Contact", contact.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/cases/{c.Id}/contacts/{contact.Id}", ContactDto.From(contact));
    }

    private static async Task<Results<Ok<ContactDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<ContactDto>>>> UpdateContactAsync(
        Guid id, Guid contactId, ContactWriteRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return TypedResults.NotFound();
        var contact = await CaseRecordLookup.FindAsync(db.Contacts, audit, id, contactId, ct);
        if (contact is null) return TypedResults.NotFound();
        var errors = new List<FieldError>();
        if (body.Version is null) errors.Add(new("Version", "Send the version of the contact you are changing (from a GET)"));
        var details = body.Parse(errors);
        errors.AddRange(details.Validate(Today(clock), errors.Fields()));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        if (body.Version != contact.Version) return Conflict(contact);
        details.Apply(contact);
        contact.RecordedById = http.User.ToStaffContext().UserId;
        db.Entry(contact).Property(x => x.Version).OriginalValue = body.Version!.Value;
        audit.Add(null, "Contact", contact.Id, c.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Conflict(await db.Contacts.AsNoTracking().FirstAsync(x => x.Id == contactId, ct));
        }
        return TypedResults.Ok(ContactDto.From(contact));
    }

    private static Conflict<ConflictProblem<ContactDto>> Conflict(Contact current) =>
        Api.Conflict("contact", current.Version, ContactDto.From(current));

    private static Task<Results<Ok<ContactDto>, NotFound>> GetContactAsync(Guid id, Guid contactId, CaseAccess access, PathwayDbContext db, AuditLog audit, CancellationToken ct) =>
        GetOneAsync(id, contactId, "Contact", db.Contacts, ContactDto.From, access, audit, ct);

    private static Task<Results<Ok<ConcernDto>, NotFound>> GetConcernAsync(Guid id, Guid concernId, CaseAccess access, PathwayDbContext db, AuditLog audit, CancellationToken ct) =>
        GetOneAsync(id, concernId, "BehaviourOfConcern", db.BehavioursOfConcern, ConcernDto.From, access, audit, ct);

    private static Task<Results<Ok<WarningDto>, NotFound>> GetWarningAsync(Guid id, Guid warningId, CaseAccess access, PathwayDbContext db, AuditLog audit, CancellationToken ct) =>
        GetOneAsync(id, warningId, "WarningLetter", db.WarningLetters, WarningDto.From, access, audit, ct);

    private static Task<Results<Ok<BreachDto>, NotFound>> GetBreachAsync(Guid id, Guid breachId, CaseAccess access, PathwayDbContext db, AuditLog audit, CancellationToken ct) =>
        GetOneAsync(id, breachId, "Breach", db.Breaches, BreachDto.From, access, audit, ct);

    /// <summary>One compliance record under the case: the case check (with its read row naming the record), then the record itself.</summary>
    private static async Task<Results<Ok<TDto>, NotFound>> GetOneAsync<T, TDto>(
        Guid caseId, Guid recordId, string entityType, IQueryable<T> set, Func<T, TDto> map, CaseAccess access, AuditLog audit, CancellationToken ct)
        where T : class, ICaseOwned
    {
        var c = await access.LoadAsync(caseId, AccessNeed.Read, ct, entityType, recordId);
        if (c is null) return TypedResults.NotFound();
        var found = await CaseRecordLookup.FindAsync(set.AsNoTracking(), audit, caseId, recordId, ct);
        return found is null ? TypedResults.NotFound() : TypedResults.Ok(map(found));
    }

    internal static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
