using Pathway.Domain.Assessments;
using Pathway.Domain.Text;

namespace Pathway.Domain.Tests.Assessments;

public sealed class AssessmentDiffTests
{
    [Fact]
    public void Words_MarksAddedAndRemovedWords_AndKeepsTheRest()
    {
        var d = TextDiff.Words("Lives alone in a flat.", "Lives with his sister in a flat.");
        Assert.Equal("Lives ", d[0].Text);
        Assert.Equal(DiffOp.Same, d[0].Op);
        Assert.Contains(d, s => s.Op == DiffOp.Removed && s.Text.Contains("alone", StringComparison.Ordinal));
        Assert.Contains(d, s => s.Op == DiffOp.Added && s.Text.Contains("with his sister", StringComparison.Ordinal));
        Assert.Equal("Lives with his sister in a flat.", string.Concat(d.Where(s => s.Op != DiffOp.Removed).Select(s => s.Text)));
        Assert.Equal("Lives alone in a flat.", string.Concat(d.Where(s => s.Op != DiffOp.Added).Select(s => s.Text)));
    }

    [Fact]
    public void Words_OfIdenticalText_IsOneSameSegment() =>
        Assert.Equal([new DiffSegment(DiffOp.Same, "no change here")], TextDiff.Words("no change here", "no change here"));

    [Fact]
    public void Compare_ReportsAddedRemovedAndChangedFields_SectionBySection()
    {
        var before = new Dictionary<string, string>
        {
            ["sources.records"] = "Probation file.",
            ["formulation.narrative"] = "Old narrative.",
            ["withheld.text"] = "Victim's address.",
        };
        var after = new Dictionary<string, string>
        {
            ["sources.interviews"] = "Two interviews.",
            ["formulation.narrative"] = "New narrative.",
            ["withheld.text"] = "Victim's new address.",
        };

        var changes = AssessmentDiff.Compare(before, after, includeWithheld: false);

        Assert.Equal(3, changes.Count);
        Assert.Contains(changes, c => c.FieldKey == "sources.interviews" && c.Kind == FieldChangeKind.Added && c.SectionTitle == "Sources of information");
        Assert.Contains(changes, c => c.FieldKey == "sources.records" && c.Kind == FieldChangeKind.Removed);
        Assert.Contains(changes, c => c.FieldKey == "formulation.narrative" && c.Kind == FieldChangeKind.Changed && c.Before == "Old narrative.");
        Assert.DoesNotContain(changes, c => c.FieldKey == "withheld.text");
        Assert.Contains(AssessmentDiff.Compare(before, after, includeWithheld: true), c => c.FieldKey == "withheld.text");
    }

    [Fact]
    public void Compare_IgnoresWhitespaceOnlyDifferences() =>
        Assert.Empty(AssessmentDiff.Compare(new Dictionary<string, string> { ["risk.protective"] = "Family.\r\n" },
            new Dictionary<string, string> { ["risk.protective"] = " Family." }, true));
}
