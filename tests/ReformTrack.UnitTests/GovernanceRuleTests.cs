using ReformTrack.Modules.Governance;
using ReformTrack.Shared;

namespace ReformTrack.UnitTests;

public sealed class GovernanceRuleTests
{
    private static Objective Placed(int id, Objective? parent)
    {
        var objective = Objective.New($"O{id}", $"Objective {id}", 0);
        objective.Id = id;
        objective.PlaceUnder(parent);
        return objective;
    }

    [Fact]
    public void Objective_levels_follow_the_parent_down_to_sub_tasks_and_no_further()
    {
        var aspect = Placed(1, null);
        var keyTask = Placed(2, aspect);
        var subTask = Placed(3, keyTask);

        var violation = Assert.Throws<RuleViolation>(() => Placed(4, subTask));

        Assert.Equal([ObjectiveLevel.Aspect, ObjectiveLevel.KeyTask, ObjectiveLevel.SubTask],
            [aspect.Level, keyTask.Level, subTask.Level]);
        Assert.Equal(("ObjectiveTreeHasAtMostThreeLevels", "parentId"), (violation.Rule, violation.Field));
    }

    [Fact]
    public void An_objective_with_sub_tasks_cannot_move_under_a_key_task()
    {
        var aspect = Placed(1, null);
        var keyTask = Placed(2, aspect);
        var other = Placed(5, null);

        Assert.Throws<RuleViolation>(() => other.PlaceUnder(keyTask, levelsBelow: 1));
        other.PlaceUnder(aspect, levelsBelow: 1);
        Assert.Equal(ObjectiveLevel.KeyTask, other.Level);
    }

    [Fact]
    public void A_moved_objective_descendant_takes_the_level_of_its_new_depth()
    {
        var sub = Objective.New("S", "Sub", 0);
        sub.Path = "/1/2/3/";

        sub.FollowAncestor("/1/2/", "/2/");

        Assert.Equal("/2/3/", sub.Path);
        Assert.Equal(ObjectiveLevel.KeyTask, sub.Level);
    }

    [Fact]
    public void A_document_is_passed_at_most_once()
    {
        var meeting = Meeting.New(2, new DateOnly(2016, 2, 1), "Second meeting", null);

        var violation = Assert.Throws<RuleViolation>(() => meeting.Review(7, ReviewOutcome.Passed, passedAtAnotherMeeting: true));
        meeting.Review(7, ReviewOutcome.Deferred, passedAtAnotherMeeting: true);

        Assert.Equal(("DocumentIsPassedAtMostOnce", "documentId"), (violation.Rule, violation.Field));
        Assert.Equal(ReviewOutcome.Deferred, Assert.Single(meeting.Reviews).Outcome);
    }

    [Fact]
    public void A_deferred_document_can_be_passed_later_at_the_same_meeting_but_not_the_reverse()
    {
        var meeting = Meeting.New(1, new DateOnly(2016, 1, 1), "First meeting", null);
        meeting.Review(7, ReviewOutcome.Deferred, passedAtAnotherMeeting: false);
        meeting.Review(7, ReviewOutcome.Passed, passedAtAnotherMeeting: false);

        var backwards = Assert.Throws<RuleViolation>(() => meeting.Review(7, ReviewOutcome.Deferred, false));
        var withdraw = Assert.Throws<RuleViolation>(() => meeting.WithdrawReview(7));

        Assert.Equal("PassingReviewCannotBeWithdrawn", backwards.Rule);
        Assert.Equal("PassingReviewCannotBeWithdrawn", withdraw.Rule);
        Assert.Equal(ReviewOutcome.Passed, Assert.Single(meeting.Reviews).Outcome);
    }

    [Fact]
    public void A_deferred_review_is_withdrawn_and_an_unknown_one_is_not_found()
    {
        var meeting = Meeting.New(1, new DateOnly(2016, 1, 1), "First meeting", null);
        meeting.Review(8, ReviewOutcome.Deferred, false);

        meeting.WithdrawReview(8);

        Assert.Empty(meeting.Reviews);
        Assert.Throws<NotFound>(() => meeting.WithdrawReview(8));
    }

    [Fact]
    public void A_meeting_number_starts_at_one()
    {
        var violation = Assert.Throws<RuleViolation>(() => Meeting.New(0, new DateOnly(2016, 1, 1), "Meeting", null));

        Assert.Equal(("MeetingNumberIsPositive", "number"), (violation.Rule, violation.Field));
    }

    [Fact]
    public void Clauses_are_numbered_in_order_and_revised_by_number()
    {
        var document = Document.New("榕委发〔2016〕1号", "决定", DocumentKind.Decision, null);
        document.AddClause("一");
        document.AddClause("二");

        document.ReviseClause(2, "二（修订）");

        Assert.Equal([1, 2], document.Clauses.Select(c => c.Number));
        Assert.Equal("二（修订）", document.Clauses[1].Text);
        Assert.Throws<NotFound>(() => document.ReviseClause(3, "三"));
        Assert.Equal("clauses[2]", Assert.Throws<RuleViolation>(() => document.AddClause("", "clauses[2]")).Field);
    }

    [Fact]
    public void A_document_cannot_be_filed_under_its_own_supporting_document()
    {
        var decision = Document.New("D1", "Decision", DocumentKind.Decision, null);
        decision.Id = 1;
        var supporting = Document.New("D2", "Supporting", DocumentKind.SupportingDocument, null);
        supporting.Id = 2;
        supporting.AttachTo(decision, []);

        var violation = Assert.Throws<RuleViolation>(() => decision.AttachTo(supporting, [1]));
        var itself = Assert.Throws<RuleViolation>(() => decision.AttachTo(decision, []));

        Assert.Equal(("DocumentCannotBeItsOwnAncestor", "parentId"), (violation.Rule, violation.Field));
        Assert.Equal("DocumentCannotBeItsOwnAncestor", itself.Rule);
        Assert.Equal(1, supporting.ParentId);
    }
}
