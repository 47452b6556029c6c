using Pathway.Domain.Referrals;
using S = Pathway.Domain.Referrals.PathwayStage;

namespace Pathway.Domain.Tests.Referrals;

public sealed class PathwayStateMachineTests
{
    public static TheoryData<S, S> NextOnTheRoute() => new()
    {
        { S.Referred, S.Consultation }, { S.Consultation, S.Screening }, { S.Screening, S.Assessment }, { S.Assessment, S.Formulation },
        { S.Formulation, S.CarePlan }, { S.CarePlan, S.Review }, { S.Review, S.Closed },
    };

    [Theory]
    [MemberData(nameof(NextOnTheRoute))]
    public void MovingToTheNextStage_IsAllowed_WithoutAReason(S from, S to)
    {
        Assert.Equal(new StageMove(true, false, null), PathwayStateMachine.Check(from, to));
        Assert.Null(PathwayStateMachine.Validate(from, to, null));
        Assert.Equal(to, PathwayStateMachine.Following(from));
    }

    [Theory]
    [InlineData(S.Referred, S.Screening)]
    [InlineData(S.Referred, S.Assessment)]
    [InlineData(S.Consultation, S.Closed)]
    [InlineData(S.Screening, S.Formulation)]
    [InlineData(S.Formulation, S.Review)]
    [InlineData(S.CarePlan, S.Closed)]
    public void Skipping_NeedsAReason(S from, S to)
    {
        var move = PathwayStateMachine.Check(from, to);
        Assert.True(move.Allowed);
        Assert.True(move.ReasonRequired);
        Assert.StartsWith("Enter why the referral is skipping from", PathwayStateMachine.Validate(from, to, "  "));
        Assert.Null(PathwayStateMachine.Validate(from, to, "Screened in custody by the prison OPD team"));
    }

    [Fact]
    public void Review_MayGoBackToCarePlan_WithoutAReason()
    {
        Assert.Null(PathwayStateMachine.Validate(S.Review, S.CarePlan, null));
        Assert.Contains((S.CarePlan, false), PathwayStateMachine.Next(S.Review));
    }

    [Theory]
    [InlineData(S.Consultation, S.Referred)]
    [InlineData(S.Assessment, S.Screening)]
    [InlineData(S.CarePlan, S.Formulation)]
    [InlineData(S.Review, S.Formulation)]
    [InlineData(S.Review, S.Referred)]
    public void OtherBackwardMoves_AreRefused_EvenWithAReason(S from, S to)
    {
        Assert.False(PathwayStateMachine.Check(from, to).Allowed);
        Assert.NotNull(PathwayStateMachine.Validate(from, to, "I would like to"));
    }

    [Theory]
    [InlineData(S.Referred)]
    [InlineData(S.Consultation)]
    [InlineData(S.Screening)]
    [InlineData(S.Assessment)]
    public void NotSuitable_UpToAssessment_NeedsAReason(S from)
    {
        Assert.Equal("Enter why the referral is not suitable for the service", PathwayStateMachine.Validate(from, S.NotSuitable, null));
        Assert.Null(PathwayStateMachine.Validate(from, S.NotSuitable, "Screened out: no indication of personality difficulties"));
    }

    [Theory]
    [InlineData(S.Formulation)]
    [InlineData(S.CarePlan)]
    [InlineData(S.Review)]
    public void NotSuitable_AfterFormulation_IsRefused(S from) =>
        Assert.False(PathwayStateMachine.Check(from, S.NotSuitable).Allowed);

    [Theory]
    [InlineData(S.Referred)]
    [InlineData(S.Formulation)]
    [InlineData(S.Review)]
    public void Withdrawn_FromAnyOpenStage_NeedsAReason(S from)
    {
        Assert.Equal("Enter why the referral is being withdrawn", PathwayStateMachine.Validate(from, S.Withdrawn, ""));
        Assert.Null(PathwayStateMachine.Validate(from, S.Withdrawn, "Recalled to custody"));
    }

    [Theory]
    [InlineData(S.Closed)]
    [InlineData(S.NotSuitable)]
    [InlineData(S.Withdrawn)]
    public void TerminalStages_AllowNoMove(S from)
    {
        Assert.True(from.IsTerminal());
        Assert.Empty(PathwayStateMachine.Next(from));
        Assert.Null(PathwayStateMachine.Following(from));
        foreach (var to in Enum.GetValues<S>())
            Assert.Contains("Make a new referral", PathwayStateMachine.Check(from, to).Problem ?? "Make a new referral");
        Assert.Contains("Make a new referral", PathwayStateMachine.Validate(from, S.Referred, "again"));
    }

    [Fact]
    public void StayingAtTheSameStage_IsRefused() =>
        Assert.Equal("The referral is already at assessment", PathwayStateMachine.Validate(S.Assessment, S.Assessment, "x"));

    [Fact]
    public void AnOverlongReason_IsRefused() =>
        Assert.Equal("Reason must be 2000 characters or fewer", PathwayStateMachine.Validate(S.Referred, S.Withdrawn, new string('a', 2001)));

    [Fact]
    public void UndefinedStages_AreRefused() =>
        Assert.False(PathwayStateMachine.Check(S.Referred, (S)42).Allowed);

    [Fact]
    public void Next_FromReferred_ListsEveryForwardStage_AndTheEarlyEnds()
    {
        var next = PathwayStateMachine.Next(S.Referred);
        Assert.Equal(
            [(S.Consultation, false), (S.Screening, true), (S.Assessment, true), (S.Formulation, true), (S.CarePlan, true), (S.Review, true),
             (S.Closed, true), (S.NotSuitable, true), (S.Withdrawn, true)],
            next);
    }

    [Fact]
    public void EveryPairOfStages_HasAnAnswer_AndEveryRefusalExplainsItself()
    {
        foreach (var from in Enum.GetValues<S>())
            foreach (var to in Enum.GetValues<S>())
            {
                var move = PathwayStateMachine.Check(from, to);
                Assert.True(move.Allowed || !string.IsNullOrWhiteSpace(move.Problem), $"{from} → {to}");
                // Skipping is the only way a forward route move needs a reason, and ending early always does.
                if (move.Allowed && to is S.NotSuitable or S.Withdrawn) Assert.True(move.ReasonRequired);
            }
    }
}
