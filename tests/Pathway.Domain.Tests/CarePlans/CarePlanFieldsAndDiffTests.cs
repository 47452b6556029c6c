using Pathway.Domain.CarePlans;
using Pathway.Domain.Text;

namespace Pathway.Domain.Tests.CarePlans;

public sealed class CarePlanFieldsAndDiffTests
{
    [Fact]
    public void EmptySections_NamesEachRequiredSectionWithNoContent()
    {
        var text = new Dictionary<string, string> { ["risk.supervision"] = "Weekly", ["triggers"] = "  " };
        var empty = CarePlanFields.EmptySections(text, PersonAgreement.Agreed, null);
        Assert.DoesNotContain(CarePlanSection.RiskManagement, empty);
        Assert.DoesNotContain(CarePlanSection.PersonsInvolvement, empty);
        Assert.Contains(CarePlanSection.TriggersAndEarlyWarningSigns, empty);
        Assert.Contains(CarePlanSection.Review, empty);
    }

    [Fact]
    public void EverySection_HasAStableSlug_ThatMapsBack()
    {
        foreach (var s in Enum.GetValues<CarePlanSection>()) Assert.Equal(s, CarePlanFields.FromSlug(CarePlanFields.Slug(s)));
        Assert.Equal("triggers-and-early-warning-signs", CarePlanFields.Slug(CarePlanSection.TriggersAndEarlyWarningSigns));
        Assert.Null(CarePlanFields.FromSlug("nonsense"));
    }

    [Fact]
    public void TheRestrictedField_IsTheOnlyOneInTheRestrictedSection()
    {
        Assert.Single(CarePlanFields.For(CarePlanSection.NotToBeDisclosed));
        Assert.Equal(CarePlanFields.All.Count, CarePlanFields.All.Select(f => f.Key).Distinct().Count());
    }

    [Fact]
    public void ReviewDate_MustBeInTheNextYear()
    {
        var today = new DateOnly(2026, 3, 1);
        Assert.NotNull(CarePlanFields.CheckReviewDate(null, today));
        Assert.NotNull(CarePlanFields.CheckReviewDate(today, today));
        Assert.NotNull(CarePlanFields.CheckReviewDate(today.AddYears(1).AddDays(1), today));
        Assert.Null(CarePlanFields.CheckReviewDate(today.AddMonths(3), today));
    }

    [Fact]
    public void Diff_KeepsCommonLines_AndMarksAddedAndRemoved()
    {
        var d = TextDiff.Lines("a\nb\nc", "a\nc\nd");
        Assert.Equal([(DiffOp.Same, "a"), (DiffOp.Removed, "b"), (DiffOp.Same, "c"), (DiffOp.Added, "d")], d.Select(l => (l.Op, l.Text)));
        Assert.False(TextDiff.Changed("x\r\ny ", "x\ny"));
        Assert.True(TextDiff.Changed(null, "new"));
        Assert.Empty(TextDiff.Lines(null, " "));
    }

    [Fact]
    public void Diff_InLineMode_KeepsEachLineItsOwnSegment_AndInWordMode_MergesRuns()
    {
        Assert.Equal([(DiffOp.Added, "x"), (DiffOp.Added, "y")], TextDiff.Lines(null, "x\ny").Select(l => (l.Op, l.Text)));
        Assert.Equal([new DiffSegment(DiffOp.Added, "x y")], TextDiff.Words(null, "x y"));
    }
}
