using Pathway.Domain.Training;

namespace Pathway.Domain.Tests.Training;

public sealed class CourseEditingTests
{
    private static Question Q(string key) => new(key, "Text", [new("a", "A"), new("b", "B")], "a", "Because.");

    private static readonly CourseContent Course = new("Course", "", 2, 70,
        [new("m1", "Module", [new("l1", "First", 10, "Body")], [Q("k1")])],
        [Q("t1")],
        new([new("s", "Subscale", "")], [new("a1", "Item", "s", false)]));

    [Fact]
    public void Edits_ReturnNewContent_AndLeaveTheOriginalUntouched()
    {
        var edited = CourseEditing.ReplaceLesson(Course, new Lesson("l1", "Renamed", 12, "New body"));
        Assert.Equal("Renamed", edited.Lesson("l1")!.Title);
        Assert.Equal("First", Course.Lesson("l1")!.Title);

        var q = CourseEditing.ReplaceQuestion(edited, Q("t1") with { Text = "Changed" });
        Assert.Equal("Changed", q.Question("t1")!.Text);
        Assert.Equal("Text", edited.Question("t1")!.Text);
    }

    [Fact]
    public void AddLesson_GivesAnUnusedKey_AndTheEmptyLessonBlocksPublishing()
    {
        var (once, key1) = CourseEditing.AddLesson(Course, "m1");
        var (twice, key2) = CourseEditing.AddLesson(once, "m1");
        Assert.NotEqual(key1, key2);
        Assert.Equal(3, twice.Lessons.Count());
        Assert.Empty(CourseEditing.PublishProblems(Course));
        Assert.Equal(["The lesson ‘New lesson’ has no text", "The lesson ‘New lesson’ has no text"], CourseEditing.PublishProblems(twice));
    }

    [Fact]
    public void CheckQuestion_NeedsTwoAnswers_AndACorrectOneAmongThem()
    {
        Assert.Empty(CourseEditing.CheckQuestion("Q?", ["Yes", "No", "", null], "b", "Why."));
        var problems = CourseEditing.CheckQuestion("Q?", ["Yes", "", "", ""], "c", "");
        Assert.Equal("Enter at least two answers", problems["Options"]);
        Assert.Equal("The correct answer must be one of the answers you entered", problems["Correct"]);
        Assert.Equal("Enter the feedback learners see after answering", problems["Feedback"]);
    }

    [Fact]
    public void CheckLesson_RefusesEmptyTitleAndText_AndSillyDurations()
    {
        var problems = CourseEditing.CheckLesson(" ", "", 0);
        Assert.Equal(3, problems.Count);
        Assert.Empty(CourseEditing.CheckLesson("Title", "## Text", 20));
    }
}
