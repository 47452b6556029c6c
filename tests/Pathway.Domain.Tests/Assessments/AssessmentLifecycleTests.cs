using Pathway.Domain.Assessments;

namespace Pathway.Domain.Tests.Assessments;

public sealed class AssessmentLifecycleTests
{
    private static readonly Guid Author = Guid.NewGuid();
    private static readonly AssessmentActor AuthorPsychologist = new(Author, IsAssessor: true, IsClinicalLead: false);
    private static readonly AssessmentActor OtherPsychologist = new(Guid.NewGuid(), true, false);
    private static readonly AssessmentActor Lead = new(Guid.NewGuid(), true, true);
    private static readonly AssessmentActor OffenderManager = new(Guid.NewGuid(), false, false);

    [Fact]
    public void Draft_IsEditableByItsAuthorOnly()
    {
        Assert.Equal(EditDecision.EditInPlace, AssessmentLifecycle.Edit(AssessmentStatus.Draft, Author, AuthorPsychologist, false).Decision);
        Assert.Equal(EditDecision.Refused, AssessmentLifecycle.Edit(AssessmentStatus.Draft, Author, OtherPsychologist, false).Decision);
        Assert.Equal(EditDecision.Refused, AssessmentLifecycle.Edit(AssessmentStatus.Draft, Author, Lead, false).Decision);
        Assert.Equal(EditDecision.Refused, AssessmentLifecycle.Edit(AssessmentStatus.Draft, OffenderManager.UserId, OffenderManager, false).Decision);
    }

    [Fact]
    public void Submitted_CannotBeEdited_AndLocked_StartsANewVersion_UnlessANewerOneExists()
    {
        Assert.Equal(EditDecision.Refused, AssessmentLifecycle.Edit(AssessmentStatus.Submitted, Author, AuthorPsychologist, false).Decision);
        Assert.Equal(EditDecision.StartNewVersion, AssessmentLifecycle.Edit(AssessmentStatus.Locked, Author, OtherPsychologist, false).Decision);
        Assert.Equal(EditDecision.Refused, AssessmentLifecycle.Edit(AssessmentStatus.Locked, Author, OtherPsychologist, true).Decision);
    }

    [Fact]
    public void Submit_NeedsTheAuthor_ADraft_AndEveryRequiredSection()
    {
        Assert.Null(AssessmentLifecycle.CanSubmit(AssessmentStatus.Draft, Author, AuthorPsychologist, []));
        Assert.NotNull(AssessmentLifecycle.CanSubmit(AssessmentStatus.Draft, Author, OtherPsychologist, []));
        Assert.NotNull(AssessmentLifecycle.CanSubmit(AssessmentStatus.Submitted, Author, AuthorPsychologist, []));
        Assert.Contains("Formulation", AssessmentLifecycle.CanSubmit(AssessmentStatus.Draft, Author, AuthorPsychologist, ["Formulation"]));
    }

    [Fact]
    public void Countersign_IsForTheClinicalLead_OnASubmittedVersion_TheyDidNotWrite()
    {
        Assert.Null(AssessmentLifecycle.CanCountersign(AssessmentStatus.Submitted, Author, Lead));
        Assert.NotNull(AssessmentLifecycle.CanCountersign(AssessmentStatus.Submitted, Author, OtherPsychologist));
        Assert.NotNull(AssessmentLifecycle.CanCountersign(AssessmentStatus.Draft, Author, Lead));
        Assert.NotNull(AssessmentLifecycle.CanCountersign(AssessmentStatus.Locked, Author, Lead));
        Assert.Contains("you wrote", AssessmentLifecycle.CanCountersign(AssessmentStatus.Submitted, Lead.UserId, Lead));
    }

    [Fact]
    public void Return_IsForTheClinicalLead_OnASubmittedVersion()
    {
        Assert.Null(AssessmentLifecycle.CanReturn(AssessmentStatus.Submitted, Lead));
        Assert.NotNull(AssessmentLifecycle.CanReturn(AssessmentStatus.Submitted, OtherPsychologist));
        Assert.NotNull(AssessmentLifecycle.CanReturn(AssessmentStatus.Draft, Lead));
    }

    [Fact]
    public void Sections_HaveUniqueKeys_AndCoverTheBrief()
    {
        var keys = AssessmentSections.All.SelectMany(s => s.Fields).Select(f => f.Key).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(10, AssessmentSections.All.Count);
        foreach (var p in new[] { "presenting", "predisposing", "precipitating", "perpetuating", "protective", "narrative" })
            Assert.Contains($"formulation.{p}", keys);
        foreach (var s in new[] { "repeat", "twist", "escalation", "improvement" })
            foreach (var f in new[] { "nature", "severity", "imminence", "likelihood", "victims" })
                Assert.Contains($"risk.scenario.{s}.{f}", keys);
        Assert.Equal(Enum.GetValues<NeedArea>().Length, AssessmentSections.Find("needs")!.Fields.Count);
    }
}
