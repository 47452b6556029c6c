using Pathway.Data.Entities;
using Pathway.Domain.Cases;
using Pathway.Domain.Licences;
using C = Pathway.Web.Features.Cases.Import.ImportColumns;

namespace Pathway.Web.Features.Cases.Import;

/// <summary>What Pathway already holds that a row is checked against: probation teams by name, active probation staff by email, the standard condition sets.</summary>
public sealed record ImportLookups(IReadOnlyDictionary<string, Guid> ProbationTeams, IReadOnlyDictionary<string, (Guid Id, Guid? TeamId)> ProbationStaff,
    IReadOnlySet<string> StandardSets, DateOnly Today);

/// <summary>
/// One row checked against the case it names (or none: a new case) and turned into the changes it would make. Every
/// problem is collected, by column; the changes are applied only when the whole batch has none. Only columns with a
/// value are compared and changed, so nothing absent from the file is overwritten.
/// </summary>
public sealed class ImportRowPlan
{
    private readonly List<(string Column, Action Apply)> _changes = [];
    private readonly CaseFileRow _row;

    public int Row => _row.Number;
    public string Crn { get; }
    public CaseRecord? Existing { get; }
    public List<RowProblem> Problems { get; } = [];
    public IReadOnlyList<string> Changed => _changes.Select(c => c.Column).Distinct().ToList();
    public RowResult Result => Existing is null ? RowResult.Created : _changes.Count > 0 ? RowResult.Updated : RowResult.LeftAlone;
    public bool LicenceCreated { get; private set; }
    public bool LicenceChanged { get; private set; }
    public Licence? Licence { get; private set; }

    public ImportRowPlan(CaseFileRow row, string crn, CaseRecord? existing, ImportLookups lookups)
    {
        _row = row;
        Crn = crn;
        Existing = existing;
        if (Domain.Cases.Crn.Validate(row[C.Crn]) is { } crnProblem) Problem(C.Crn, crnProblem);
        if (existing is null)
            foreach (var column in C.RequiredForNewCase.Where(c => row[c] is null))
                Problem(column, $"A new case needs a {column}");
        PlanPerson(existing, lookups);
        PlanLicence(existing, lookups);
    }

    private void Problem(string column, string message) => Problems.Add(new RowProblem(_row.Number, column, message));

    /// <summary>Reads a cell; a value that cannot be read is a problem and counts as absent.</summary>
    private T? Read<T>(string column, Func<string, T?> parse, string problem) where T : struct
    {
        if (_row[column] is not { } text) return null;
        var value = parse(text);
        if (value is null) Problem(column, problem);
        return value;
    }

    private void Change<T>(string column, T? value, T current, Action<T> set) where T : struct
    {
        if (value is { } v && (Existing is null || !EqualityComparer<T>.Default.Equals(v, current))) _changes.Add((column, () => set(v)));
    }

    private void ChangeText(string column, string? value, string? current, Action<string> set)
    {
        if (value is { } v && (Existing is null || !string.Equals(v, current, StringComparison.Ordinal))) _changes.Add((column, () => set(v)));
    }

    private void PlanPerson(CaseRecord? c, ImportLookups lookups)
    {
        var target = () => Target!;
        if (_row[C.Pnc] is { } pnc)
        {
            if (PncNumber.Validate(pnc) is { } p) Problem(C.Pnc, p);
            else ChangeText(C.Pnc, PncNumber.Normalise(pnc), c?.PncNumber, v => target().PncNumber = v);
        }
        foreach (var (column, what, current, set) in new (string, string, string?, Action<string>)[]
        {
            (C.GivenName, "given name", c?.GivenName, v => target().GivenName = v),
            (C.FamilyName, "family name", c?.FamilyName, v => target().FamilyName = v),
        })
        {
            if (_row[column] is not { } name) continue;
            if (PersonDetailsRules.ValidateName(name, what) is { } p) Problem(column, p);
            else ChangeText(column, name, current, set);
        }
        var dob = Read(C.DateOfBirth, C.Date, "Enter the date of birth as YYYY-MM-DD");
        if (dob is not null && PersonDetailsRules.ValidateDateOfBirth(dob, lookups.Today) is { } dobProblem) Problem(C.DateOfBirth, dobProblem);
        else Change(C.DateOfBirth, dob, c?.DateOfBirth ?? default, v => target().DateOfBirth = v);
        Change(C.Gender, Read(C.Gender, C.GenderOf, "Gender must be Male, Female, NonBinary or NotStated"), c?.Gender ?? default, v => target().Gender = v);
        Change(C.Ethnicity, Read(C.Ethnicity, C.EthnicityOf, "Ethnicity must be one of the names in the column list, or NotStated"),
            c?.Ethnicity ?? default, v => target().Ethnicity = v);
        Change(C.Rosh, Read(C.Rosh, C.RoshOf, "RoSH must be Low, Medium, High or VeryHigh"), c?.RoshLevel ?? default, v => target().RoshLevel = v);
        Change(C.Flags, Read(C.Flags, C.FlagsOf, "Flags must be names from the column list separated by ; (or none)"), c?.Flags ?? default, v => target().Flags = v);

        var category = Read(C.MappaCategory, C.MappaCategoryOf, "MAPPA category must be 0 (none) to 4");
        var level = Read(C.MappaLevel, C.MappaLevelOf, "MAPPA level must be 0 (none) to 3");
        if (Mappa.Validate(category ?? c?.MappaCategory ?? MappaCategory.None, level ?? c?.MappaLevel ?? MappaLevel.None) is { } mappa)
            Problem(C.MappaLevel, mappa);
        Change(C.MappaCategory, category, c?.MappaCategory ?? default, v => target().MappaCategory = v);
        Change(C.MappaLevel, level, c?.MappaLevel ?? default, v => target().MappaLevel = v);

        Guid? team = null;
        if (_row[C.Team] is { } teamName)
        {
            if (lookups.ProbationTeams.TryGetValue(teamName, out var t)) team = t;
            else Problem(C.Team, "No probation team in Pathway has this name");
        }
        Change(C.Team, team, c?.TeamId ?? default, v => target().TeamId = v);
        var caseTeam = team ?? c?.TeamId;
        if (_row[C.OffenderManagerEmail] is { } email)
        {
            if (!lookups.ProbationStaff.TryGetValue(email.ToUpperInvariant(), out var om))
                Problem(C.OffenderManagerEmail, "No active offender manager or senior probation officer in Pathway has this email");
            else if (caseTeam is not null && om.TeamId != caseTeam)
                Problem(C.OffenderManagerEmail, "This offender manager is not in the case's team");
            else Change<Guid>(C.OffenderManagerEmail, om.Id, c?.OffenderManagerId ?? default, v => target().OffenderManagerId = v);
        }
        else if (team is not null && c is { OffenderManagerId: not null } && team != c.TeamId)
            Problem(C.Team, "The case's offender manager is not in this team: give the new offender_manager_email too");
    }

    private void PlanLicence(CaseRecord? c, ImportLookups lookups)
    {
        var start = Read(C.LicenceStart, C.Date, "Enter the licence start as YYYY-MM-DD");
        var end = Read(C.LicenceEnd, C.Date, "Enter the licence end as YYYY-MM-DD");
        var expiry = Read(C.SentenceExpiry, C.Date, "Enter the sentence expiry as YYYY-MM-DD");
        var type = Read(C.SentenceType, C.SentenceTypeOf, "Sentence type must be one of the names in the column list");
        var months = Read(C.SentenceLengthMonths, C.Number, "Sentence length must be a whole number of months");
        if (_row[C.LicenceStart] is null)
        {
            foreach (var column in C.Licence.Where(x => _row[x] is not null))
                Problem(column, "Give the licence_start too: a licence is found by its start date");
            return;
        }
        if (start is null) return;

        var existing = c?.Licences.FirstOrDefault(l => l.ReleaseDate == start);
        var effectiveType = type ?? existing?.SentenceType;
        var effectiveMonths = months ?? existing?.SentenceLengthMonths;
        if (effectiveType is null) Problem(C.SentenceType, "A new licence needs a sentence_type");
        else if (!SentenceTypes.IsIndeterminate(effectiveType.Value) && effectiveMonths is null)
            Problem(C.SentenceLengthMonths, "A determinate sentence needs a sentence_length_months");
        var dates = new LicenceDates(start, end ?? existing?.LicenceExpiryDate, expiry ?? existing?.SentenceExpiryDate, existing?.TopUpSupervisionEndDate);
        var dob = C.Date(_row[C.DateOfBirth] ?? "") ?? c?.DateOfBirth;
        foreach (var e in LicenceRules.ValidateDates(dates, effectiveType ?? SentenceType.Other, dob ?? DateOnly.MinValue, effectiveMonths))
            if (dob is not null || e.Field is not "ReleaseDate") Problem(LicenceColumn(e.Field), e.Message);

        string? setCode = null;
        if (existing is null)
        {
            setCode = StandardConditionSets.Newest(start.Value)?.Code;
            if (setCode is null || !lookups.StandardSets.Contains(setCode))
                Problem(C.LicenceStart, "No standard licence conditions Pathway knows applied on this date");
        }
        var before = _changes.Count;
        var licence = () => Licence!;
        Change(C.LicenceEnd, end, existing?.LicenceExpiryDate ?? default, v => licence().LicenceExpiryDate = v);
        Change(C.SentenceExpiry, expiry, existing?.SentenceExpiryDate ?? default, v => licence().SentenceExpiryDate = v);
        Change(C.SentenceType, type, existing?.SentenceType ?? default, v => licence().SentenceType = v);
        Change(C.SentenceLengthMonths, months, existing?.SentenceLengthMonths ?? default, v => licence().SentenceLengthMonths = v);
        if (existing is null)
        {
            _changes.Insert(before, (C.LicenceStart, () => { }));
            LicenceCreated = true;
            Licence = new Licence { CaseId = c?.Id ?? default, StandardConditionSetCode = setCode ?? "", ReleaseDate = start.Value };
        }
        else
        {
            LicenceChanged = _changes.Count > before;
            Licence = existing;
        }
    }

    private static string LicenceColumn(string field) => field switch
    {
        "ReleaseDate" => C.LicenceStart,
        "SentenceExpiryDate" => C.SentenceExpiry,
        "SentenceLengthMonths" => C.SentenceLengthMonths,
        _ => C.LicenceEnd,
    };

    /// <summary>The case the changes are applied to: the existing one, or the new one <see cref="Apply"/> made.</summary>
    private CaseRecord? Target { get; set; }

    /// <summary>Applies the changes: to the existing case, or to a new case returned for adding.</summary>
    public CaseRecord Apply(DateTimeOffset now)
    {
        Target = Existing ?? new CaseRecord { Crn = Crn, GivenName = "", FamilyName = "", CreatedAt = now };
        if (Licence is not null && LicenceCreated)
        {
            Licence.CaseId = Target.Id;
            Licence.CreatedAt = now;
        }
        foreach (var (_, apply) in _changes) apply();
        return Target;
    }
}
