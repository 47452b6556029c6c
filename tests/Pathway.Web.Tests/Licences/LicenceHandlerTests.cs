using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Licences;
using Pathway.Web.Features.Licences.Conditions;
using Pathway.Web.Features.Licences.Create;
using Pathway.Web.Features.Licences.Edit;
using Pathway.Web.Features.Licences.Recalls;
using Pathway.Web.Infrastructure.UseCases;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Licences;

/// <summary>The licence handlers' rules, without HTTP (the pages and the API call the same handlers; LicenceTests walks them).</summary>
public sealed class LicenceHandlerTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly LicenceDetails Valid = new()
    {
        SentenceType = SentenceType.StandardDeterminate, SentenceLengthMonths = 24, IndexOffence = "Burglary",
        ReleaseDate = new DateOnly(2025, 6, 1), LicenceExpiryDate = new DateOnly(2026, 6, 1), SentenceExpiryDate = new DateOnly(2026, 6, 1),
        StandardConditionSetCode = StandardConditionSets.Lco2015.Code,
    };

    private async Task<(Guid CaseId, Licence Licence)> NewLicenceAsync()
    {
        var c = await app.NewCaseAsync(app.World.TeamA.Id);
        await using var h = new HandlerScope(app, StaffRole.OffenderManager, "licence.create");
        var done = Assert.IsType<Outcome<Licence>.Done>(await h.Get<AddLicence>().HandleAsync(await h.CaseAsync(c.Id), Valid, [], default));
        return (c.Id, done.Value);
    }

    private static Dictionary<string, string[]> Fields<T>(Outcome<T> outcome) =>
        Assert.IsType<Outcome<T>.Invalid>(outcome).Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    [Fact]
    public async Task AddLicence_SavesTheLicenceAndItsAuditRow_AndAnswersItWithItsStandardConditions()
    {
        var (caseId, licence) = await NewLicenceAsync();

        Assert.Equal(caseId, licence.CaseId);
        Assert.Equal(9, licence.StandardConditionSet!.Items.Count);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a =>
            a.Action == "licence.create" && a.EntityType == "Licence" && a.EntityId == licence.Id.ToString() && a.CaseId == caseId)));
    }

    [Fact]
    public async Task AddLicence_WithNoSentenceTypeAndEndingBeforeRelease_IsInvalidPerField_AndSavesNothing()
    {
        var c = await app.NewCaseAsync(app.World.TeamA.Id);
        await using var h = new HandlerScope(app, StaffRole.OffenderManager, "licence.create");
        var request = Valid with { SentenceType = null, LicenceExpiryDate = new DateOnly(2025, 5, 1), StandardConditionSetCode = null };

        var errors = Fields(await h.Get<AddLicence>().HandleAsync(await h.CaseAsync(c.Id), request, [], default));

        Assert.Equal(["Select the sentence type"], errors["SentenceType"]);
        Assert.Contains("Licence expiry date must be on or after the release date", errors["LicenceExpiryDate"]);
        Assert.Equal(["Select the standard conditions"], errors["StandardConditionSetCode"]);
        Assert.False(await app.Factory.WithDbAsync(db => db.Licences.AnyAsync(l => l.CaseId == c.Id)));
    }

    [Fact]
    public async Task AddLicence_AFieldThatCouldNotBeRead_IsReportedOnce()
    {
        var c = await app.NewCaseAsync(app.World.TeamA.Id);
        await using var h = new HandlerScope(app, StaffRole.OffenderManager, "licence.create");

        var errors = Fields(await h.Get<AddLicence>().HandleAsync(await h.CaseAsync(c.Id), Valid with { ReleaseDate = null },
            [new("ReleaseDate", "Release date must be a real date")], default));

        Assert.Equal(["Release date must be a real date"], errors["ReleaseDate"]);
    }

    [Fact]
    public async Task UpdateLicence_StaleAndInvalid_AnswersTheFieldErrorsFirst()
    {
        var (caseId, licence) = await NewLicenceAsync();
        await using var h = new HandlerScope(app, StaffRole.OffenderManager, "licence.update");

        var outcome = await h.Get<UpdateLicence>().HandleAsync(await h.CaseAsync(caseId), licence.Id, Valid with { SentenceType = null },
            licence.Version + 5, [], default);

        Assert.Equal(["Select the sentence type"], Fields(outcome)["SentenceType"]);
    }

    [Fact]
    public async Task UpdateLicence_Stale_IsAConflictWithTheLicenceAsSaved_AndChangesNothing()
    {
        var (caseId, licence) = await NewLicenceAsync();
        await using var h = new HandlerScope(app, StaffRole.OffenderManager, "licence.update");

        var outcome = await h.Get<UpdateLicence>().HandleAsync(await h.CaseAsync(caseId), licence.Id, Valid with { IndexOffence = "Theft" },
            licence.Version - 1, [], default);

        var saved = Assert.IsType<Outcome<Licence>.Conflict>(outcome).Current;
        Assert.Equal("Burglary", saved.IndexOffence);
        Assert.Equal(licence.Version, saved.Version);
        Assert.Equal(9, saved.StandardConditionSet!.Items.Count);
    }

    [Fact]
    public async Task UpdateLicence_WithoutASet_KeepsTheLicencesSet_OnlyWhenAskedTo()
    {
        var (caseId, licence) = await NewLicenceAsync();
        await using var h = new HandlerScope(app, StaffRole.OffenderManager, "licence.update");
        var c = await h.CaseAsync(caseId);
        var update = h.Get<UpdateLicence>();
        var noSet = Valid with { StandardConditionSetCode = null, IndexOffence = "Robbery" };

        Assert.Equal(["Select the standard conditions"], Fields(await update.HandleAsync(c, licence.Id, noSet, licence.Version, [], default))["StandardConditionSetCode"]);
        var done = Assert.IsType<Outcome<Licence>.Done>(await update.HandleAsync(c, licence.Id, noSet, licence.Version, [], default, keepSetIfNone: true));

        Assert.Equal(StandardConditionSets.Lco2015.Code, done.Value.StandardConditionSetCode);
        Assert.Equal("Robbery", done.Value.IndexOffence);
        Assert.Equal(licence.Version + 1, done.Value.Version);
    }

    [Fact]
    public async Task LicenceHandlers_ALicenceOfAnotherCase_IsNotFound_AndLeavesADeniedRow()
    {
        var (_, licence) = await NewLicenceAsync();
        var other = await app.NewCaseAsync(app.World.TeamA.Id);
        await using var h = new HandlerScope(app, StaffRole.OffenderManager, "licence.condition.add");
        var c = await h.CaseAsync(other.Id);

        Assert.IsType<Outcome<Licence>.NotFound>(await h.Get<UpdateLicence>().HandleAsync(c, licence.Id, Valid, licence.Version, [], default));
        Assert.IsType<Outcome<AdditionalCondition>.NotFound>(await h.Get<AddAdditionalCondition>().HandleAsync(c, licence.Id,
            new NewCondition(AdditionalConditionCategory.Curfew, "Curfew 7pm to 7am"), [], default));
        Assert.IsType<Outcome<Recall>.NotFound>(await h.Get<RecordRecallOnLicence>().HandleAsync(c, licence.Id,
            new NewRecall(new DateOnly(2025, 7, 1), RecallType.Standard, "Further offence", null, null), [], default));

        Assert.Equal(3, await app.Factory.WithDbAsync(db => db.AuditEvents.CountAsync(a =>
            a.EntityType == "Licence" && a.EntityId == licence.Id.ToString() && a.CaseId == other.Id && a.Outcome == Domain.Auditing.AuditOutcome.Denied)));
    }

    [Fact]
    public async Task AddAdditionalCondition_ACategoryThatCouldNotBeRead_IsNotAlsoReportedAsMissing()
    {
        var (caseId, licence) = await NewLicenceAsync();
        await using var h = new HandlerScope(app, StaffRole.OffenderManager, "licence.condition.add");

        var errors = Fields(await h.Get<AddAdditionalCondition>().HandleAsync(await h.CaseAsync(caseId), licence.Id,
            new NewCondition(null, " "), [new("Category", "'x' is not allowed")], default));

        Assert.Equal(["'x' is not allowed"], errors["Category"]);
        Assert.Equal(["Enter the condition"], errors["Text"]);
    }

    [Fact]
    public async Task RecordRecallOnLicence_OutsideTheLicenceAndWithoutReason_IsInvalidPerField()
    {
        var (caseId, licence) = await NewLicenceAsync();
        await using var h = new HandlerScope(app, StaffRole.OffenderManager, "licence.recall.add");

        var errors = Fields(await h.Get<RecordRecallOnLicence>().HandleAsync(await h.CaseAsync(caseId), licence.Id,
            new NewRecall(new DateOnly(2030, 1, 1), null, "", null, null), [], default));

        Assert.Equal(["Recall date must be on or before the licence expiry date"], errors["RecallDate"]);
        Assert.Equal(["Select the type of recall"], errors["Type"]);
        Assert.Equal(["Enter the reason for the recall"], errors["Reason"]);
    }

    [Fact]
    public async Task RemoveAdditionalCondition_Twice_KeepsTheFirstRemovalsTime_AndSaysItWasAlreadyGone()
    {
        var (caseId, licence) = await NewLicenceAsync();
        AdditionalCondition condition;
        await using (var h = new HandlerScope(app, StaffRole.OffenderManager, "licence.condition.add"))
            condition = Assert.IsType<Outcome<AdditionalCondition>.Done>(await h.Get<AddAdditionalCondition>().HandleAsync(await h.CaseAsync(caseId), licence.Id,
                new NewCondition(AdditionalConditionCategory.Residence, "Reside at the approved premises"), [], default)).Value;

        await using var first = new HandlerScope(app, StaffRole.OffenderManager, "licence.condition.remove");
        var removed = Assert.IsType<Outcome<ConditionRemoval>.Done>(await first.Get<RemoveAdditionalCondition>().HandleAsync(await first.CaseAsync(caseId), licence.Id, condition.Id, default)).Value;
        await using var second = new HandlerScope(app, StaffRole.OffenderManager, "licence.condition.remove");
        var again = Assert.IsType<Outcome<ConditionRemoval>.Done>(await second.Get<RemoveAdditionalCondition>().HandleAsync(await second.CaseAsync(caseId), licence.Id, condition.Id, default)).Value;

        Assert.True(removed.RemovedNow);
        Assert.False(again.RemovedNow);
        // The database keeps the time to the microsecond; the first answer has it to the tick.
        Assert.Equal(removed.Condition.RemovedAt!.Value, again.Condition.RemovedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "licence.condition.remove" && a.EntityId == condition.Id.ToString())));
    }
}
