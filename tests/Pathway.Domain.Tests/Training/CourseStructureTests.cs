using Pathway.Domain.Training;

namespace Pathway.Domain.Tests.Training;

public sealed class CourseStructureTests
{
    private static Question Q(string key) => new(key, "Text " + key, [new("a", "A"), new("b", "B")], "a", "Because.");

    private static readonly CourseContent Course = new("Course", "", 2, 70,
        [
            new("m1", "One", [new("l1", "First", 10, "Body"), new("l2", "Second", 10, "Body")], [Q("k1")]),
            new("m2", "Two", [new("l3", "Third", 10, "Body")], []),
        ],
        [Q("t1")],
        new([new("s1", "Understanding", ""), new("s2", "Confidence", "")], [new("a1", "Item one", "s1", false), new("a2", "Item two", "s2", true)]));

    [Fact]
    public void ModulesAndLessons_Reorder_WithinBounds()
    {
        var moved = CourseStructure.MoveModule(Course, "m2", -1).Content!;
        Assert.Equal(["m2", "m1"], moved.Modules.Select(m => m.Key));
        Assert.Equal("That module cannot move further", CourseStructure.MoveModule(Course, "m1", -1).Error);

        var lessons = CourseStructure.MoveLesson(Course, "l1", 1).Content!;
        Assert.Equal(["l2", "l1", "l3"], lessons.Lessons.Select(l => l.Key));
        Assert.NotNull(CourseStructure.MoveLesson(Course, "l3", 1).Error); // the last in its module stays in its module
        Assert.Equal(["l1", "l2", "l3"], Course.Lessons.Select(l => l.Key)); // the original is untouched
    }

    [Fact]
    public void AddAndRemove_KeepKeysUnique_AndRefuseToLeaveNothing()
    {
        var added = CourseStructure.AddModule(Course);
        Assert.Equal("new-module-1", added.NewKey);
        Assert.Contains("The module ‘New module’ has no lessons", CourseEditing.PublishProblems(added.Content!));
        Assert.Equal("new-module-2", CourseStructure.AddModule(added.Content!).NewKey);

        var oneModule = CourseStructure.RemoveModule(Course, "m2").Content!;
        Assert.Equal("A course needs at least one module: add another before removing this one", CourseStructure.RemoveModule(oneModule, "m1").Error);
        Assert.Equal(["l1", "l3"], CourseStructure.RemoveLesson(Course, "l2").Content!.Lessons.Select(l => l.Key));

        var q = CourseStructure.AddQuestion(Course, "m2");
        Assert.Single(q.Content!.Module("m2")!.KnowledgeCheck);
        Assert.Contains("A question has no text", CourseEditing.PublishProblems(q.Content!));
        Assert.Equal(2, CourseStructure.AddQuestion(Course, null).Content!.ItemBank.Count);
        Assert.Equal("The knowledge test needs at least one question: add another before removing this one", CourseStructure.RemoveQuestion(Course, "t1").Error);
        Assert.Empty(CourseStructure.RemoveQuestion(Course, "k1").Content!.CheckQuestions);
    }

    [Theory]
    [InlineData("70", 70, null)]
    [InlineData(" 85% ", 85, null)]
    [InlineData("", null, "Enter the pass mark")]
    [InlineData("seventy", null, "Enter the pass mark as a whole number, for example 70")]
    [InlineData("0", null, "The pass mark must be between 1% and 100%")]
    [InlineData("101", null, "The pass mark must be between 1% and 100%")]
    [InlineData("-5", null, "Enter the pass mark as a whole number, for example 70")]
    public void PassMark_IsAWholePercentageFrom1To100(string typed, int? percent, string? error)
    {
        Assert.Equal((percent, error), CourseStructure.ParsePassMark(typed));
    }

    [Fact]
    public void Attitudes_SubscalesAndStatements_AreData_WithTheirRules()
    {
        Assert.Equal("1 statement belongs to this subscale: move or remove it first", CourseStructure.RemoveSubscale(Course, "s1").Error);
        var added = CourseStructure.AddSubscale(Course);
        Assert.Contains("The subscale ‘New subscale’ has no statements", CourseEditing.PublishProblems(added.Content!));
        Assert.Null(CourseStructure.RemoveSubscale(added.Content!, added.NewKey!).Error);

        var item = CourseStructure.AddAttitudeItem(Course);
        Assert.Equal("s1", item.Content!.Attitudes.Items.Last().Subscale);
        Assert.Contains("An attitude statement has no text", CourseEditing.PublishProblems(item.Content!));
        var reversed = CourseStructure.ReplaceAttitudeItem(Course, new AttitudeItem("a1", "Changed", "s2", true)).Content!;
        Assert.Equal(new AttitudeItem("a1", "Changed", "s2", true), reversed.Attitudes.Items[0]);
        Assert.Equal(["a2", "a1"], CourseStructure.MoveAttitudeItem(Course, "a1", 1).Content!.Attitudes.Items.Select(i => i.Key));

        var problems = CourseStructure.CheckAttitudeItem(Course, " ", "nope");
        Assert.Equal("Enter the statement", problems["Text"]);
        Assert.Equal("Select one of the subscales listed", problems["Subscale"]);
        Assert.Empty(CourseStructure.CheckAttitudeItem(Course, "Fine", "s2"));
        Assert.Equal("Enter the subscale's name", CourseStructure.CheckSubscale("", null)["Name"]);
        Assert.Equal("Add a subscale before adding statements",
            CourseStructure.AddAttitudeItem(Course with { Attitudes = new([], []) }).Error);
    }
}
