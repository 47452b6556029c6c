using Pathway.Domain.Staff;
using Pathway.Domain.Training;

namespace Pathway.Domain.Tests.Training;

public sealed class TrainingScoringTests
{
    private static Question Q(string key, string correct = "b") =>
        new(key, $"Question {key}", [new("a", "A"), new("b", "B"), new("c", "C")], correct, "Because.");

    private static readonly IReadOnlyList<Question> Bank = [Q("q1"), Q("q2"), Q("q3")];

    private static Dictionary<string, string?> Answers(params string?[] options) =>
        Bank.Select((q, i) => (q.Key, options[i])).ToDictionary(x => x.Key, x => x.Item2);

    [Fact]
    public void KnowledgeTest_CountsCorrectAnswers_AndRoundsThePercentDown()
    {
        var score = KnowledgeTestScoring.Score(Bank, Answers("b", "b", "a"), passMarkPercent: 67);
        Assert.Equal(new TestScore(2, 3, 66, false), score);
        Assert.True(KnowledgeTestScoring.Score(Bank, Answers("b", "b", "a"), 66).Passed);
        Assert.Equal(100, KnowledgeTestScoring.Score(Bank, Answers("b", "b", "b"), 70).Percent);
    }

    [Fact]
    public void KnowledgeTest_RefusesMissingAnswers_OptionsNotOffered_AndUnknownQuestions()
    {
        var answers = Answers("b", null, "z");
        answers["q9"] = "a";
        var problems = KnowledgeTestScoring.Validate(Bank, answers);
        Assert.Equal("Select an answer to question 2", problems["q2"]);
        Assert.Equal("Question 3: select one of the answers offered", problems["q3"]);
        Assert.True(problems.ContainsKey("q9"));
        Assert.False(problems.ContainsKey("q1"));
        Assert.Throws<ArgumentException>(() => KnowledgeTestScoring.Score(Bank, answers, 70));
    }

    private static readonly AttitudeQuestionnaire Attitudes = new(
        [new("understanding", "Understanding", ""), new("optimism", "Therapeutic optimism", ""), new("empty", "Empty", "")],
        [
            new("a1", "Forward item", "understanding", false),
            new("a2", "Reversed item", "understanding", true),
            new("a3", "Reversed item", "optimism", true),
        ]);

    [Fact]
    public void Attitudes_ReverseScoresReversedItems_AndAveragesEachSubscale()
    {
        var scores = AttitudeScoring.Score(Attitudes, new Dictionary<string, int?> { ["a1"] = 5, ["a2"] = 2, ["a3"] = 1 });
        Assert.Equal(4.5m, scores.Single(s => s.Subscale == "understanding").Mean); // (5 + (6 − 2)) / 2
        Assert.Equal(5m, scores.Single(s => s.Subscale == "optimism").Mean);      // 6 − 1
        Assert.Equal(0, scores.Single(s => s.Subscale == "empty").Items);
    }

    [Fact]
    public void Attitudes_RefuseAnswersOffTheScale_AndMissingOnes()
    {
        var problems = AttitudeScoring.Validate(Attitudes, new Dictionary<string, int?> { ["a1"] = 0, ["a2"] = 6 });
        Assert.Equal(3, problems.Count);
        Assert.Equal("Select how much you agree with statement 3", problems["a3"]);
        Assert.Contains("five points", problems["a1"], StringComparison.Ordinal);
    }

    private static readonly CourseContent Course = new("Course", "", 3, 70,
        [
            new("m1", "Module one", [new("l1", "First", 10, "# x"), new("l2", "Second", 10, "x")], [Q("k1")]),
            new("m2", "Module two", [new("l3", "Third", 10, "x")], []),
        ], Bank, Attitudes);

    [Fact]
    public void Completion_ListsEverythingMissing_InCourseOrder()
    {
        var none = new LearnerProgress(new HashSet<string>(), new HashSet<string>(), false, false, null, false);
        var missing = CompletionRules.Missing(Course, none);
        Assert.Equal(
        [
            "Answer the attitudes questionnaire at the start of the course",
            "Take the knowledge test at the start of the course",
            "Module one: complete 2 lessons ‘First’, ‘Second’",
            "Module one: answer the knowledge check",
            "Module two: complete the lesson ‘Third’",
            "Pass the knowledge test at the end of the course (pass mark 70%)",
            "Answer the attitudes questionnaire at the end of the course",
        ], missing);
        Assert.Equal(0, CompletionRules.PercentDone(Course, none));
        Assert.False(CompletionRules.PostTestOpen(Course, none));
        Assert.Equal("l1", CompletionRules.NextLesson(Course, none)?.Key);
    }

    [Fact]
    public void Completion_BelowThePassMark_SaysTheScoreAndTheMark_AndIsAllowedOncePassed()
    {
        var done = new LearnerProgress(new HashSet<string> { "l1", "l2", "l3" }, new HashSet<string> { "k1" }, true, true,
            new TestScore(1, 3, 33, false), true);
        Assert.True(CompletionRules.PostTestOpen(Course, done));
        Assert.Equal(["Pass the knowledge test at the end of the course: your best score is 33% and the pass mark is 70%"],
            CompletionRules.Missing(Course, done));
        var passed = done with { BestPostTest = new TestScore(3, 3, 100, true) };
        Assert.Empty(CompletionRules.Missing(Course, passed));
        Assert.Equal(100, CompletionRules.PercentDone(Course, passed));
        Assert.Null(CompletionRules.NextLesson(Course, passed));
    }

    [Fact]
    public void Refresher_IsDueAfterTheInterval_AndAlwaysWhenNeverCompleted()
    {
        var done = new DateOnly(2024, 3, 31);
        Assert.Equal(new DateOnly(2027, 3, 31), Refresher.DueOn(done, 36));
        Assert.False(Refresher.IsDue(done, 36, new DateOnly(2027, 3, 30)));
        Assert.True(Refresher.IsDue(done, 36, new DateOnly(2027, 3, 31)));
        Assert.False(Refresher.IsDue(done, null, new DateOnly(2099, 1, 1)));
        Assert.True(Refresher.IsDue(null, 36, new DateOnly(2020, 1, 1)));
    }

    [Theory]
    [InlineData(StaffRole.OffenderManager, StaffGroups.OffenderManagementUnit)]
    [InlineData(StaffRole.SeniorProbationOfficer, StaffGroups.OffenderManagementUnit)]
    [InlineData(StaffRole.PublicProtectionOfficer, StaffGroups.PublicProtectionUnit)]
    [InlineData(StaffRole.ApprovedPremisesStaff, StaffGroups.ApprovedPremises)]
    [InlineData(StaffRole.Learner, StaffGroups.Other)]
    [InlineData(StaffRole.Psychologist, StaffGroups.Other)]
    public void StaffGroup_FollowsTheRole_UnlessOverridden(StaffRole role, string group)
    {
        Assert.Equal(group, StaffGroups.Resolve([role], null));
        Assert.Equal(StaffGroups.PublicProtectionUnit, StaffGroups.Resolve([role], StaffGroups.PublicProtectionUnit));
    }

    [Fact]
    public void Learner_SeesNoCaseData_SoNeedsNoSecondFactor()
    {
        Assert.False(StaffRoles.SeesCaseData(StaffRole.Learner));
        Assert.Null(StaffTeamRules.RequiredTeamKind(StaffRole.Learner));
    }
}
