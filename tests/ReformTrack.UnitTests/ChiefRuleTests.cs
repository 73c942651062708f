using ReformTrack.Modules.Chiefs;
using ReformTrack.Shared;

namespace ReformTrack.UnitTests;

public sealed class ChiefRuleTests
{
    private static readonly DateOnly Start = new(2025, 1, 1);

    private static ChiefAssignment Current() =>
        new() { Id = 7, ObjectKind = ChiefObjectKind.River, ObjectId = 3, Level = ChiefLevel.District, PersonId = 10, StartOn = Start };

    [Fact]
    public void Handover_ends_the_current_assignment_and_starts_the_successors_on_the_same_day()
    {
        var current = Current();

        var next = current.HandOver(11, 12, new DateOnly(2025, 6, 30), "工作调整");

        Assert.Equal(new DateOnly(2025, 6, 30), current.EndOn);
        Assert.Equal(new DateOnly(2025, 6, 30), next.StartOn);
        Assert.Equal((ChiefObjectKind.River, 3, ChiefLevel.District, 11, 7), (next.ObjectKind, next.ObjectId, next.Level, next.PersonId, next.PredecessorId));
        Assert.True(next.IsCurrent);
    }

    [Fact]
    public void An_ended_assignment_is_not_handed_over_again()
    {
        var current = Current();
        current.HandOver(11, null, new DateOnly(2025, 6, 30), null);

        var violation = Assert.Throws<RuleViolation>(() => current.HandOver(12, null, new DateOnly(2025, 7, 1), null));

        Assert.Equal("OnlyACurrentAssignmentIsHandedOver", violation.Rule);
    }

    [Fact]
    public void Handover_goes_to_someone_else_and_not_before_the_start()
    {
        Assert.Equal("successorPersonId", Assert.Throws<RuleViolation>(() => Current().HandOver(10, null, Start, null)).Field);
        Assert.Equal("on", Assert.Throws<RuleViolation>(() => Current().HandOver(11, null, Start.AddDays(-1), null)).Field);
    }

    [Fact]
    public void Issue_goes_open_rectified_closed_and_can_be_reopened()
    {
        var issue = ChiefIssue.Raise(1, 2, "清理岸线砂石", Start, Start.AddDays(30), "issues[0]");

        issue.Rectify("已清理", Start.AddDays(10));
        issue.Close(Start.AddDays(12));
        Assert.Equal(IssueStatus.Closed, issue.Status);
        issue.Reopen("复查发现反弹");

        Assert.Equal((IssueStatus.Open, 1, (DateOnly?)null), (issue.Status, issue.TimesReopened, issue.ClosedOn));
        Assert.Equal("OnlyARectifiedIssueIsClosed", Assert.Throws<RuleViolation>(() => issue.Close(Start.AddDays(13))).Rule);
    }

    [Fact]
    public void A_closed_issue_stays_with_the_chief_who_closed_it()
    {
        var closed = ChiefIssue.Raise(1, null, "修复护栏", Start, Start.AddDays(5), "issues[0]");
        closed.Rectify("已修复", Start.AddDays(1));
        closed.Close(Start.AddDays(2));
        var open = ChiefIssue.Raise(1, null, "封堵排污口", Start, Start.AddDays(5), "issues[1]");

        closed.PassTo(2);
        open.PassTo(2);

        Assert.Equal((1, 2), (closed.AssignmentId, open.AssignmentId));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(14, 1)]
    [InlineData(15, 2)]
    [InlineData(29, 2)]
    [InlineData(30, 3)]
    [InlineData(400, 3)]
    public void Escalation_level_counts_the_thresholds_reached_by_days_overdue(int days, int level) =>
        Assert.Equal(level, EscalationLevels.Default.LevelFor(days));

    [Fact]
    public void A_rectified_issue_past_its_deadline_is_not_overdue()
    {
        var issue = ChiefIssue.Raise(1, null, "治理油污", Start, Start.AddDays(5), "issues[0]");
        Assert.Equal(5, issue.DaysOverdue(Start.AddDays(10)));

        issue.Rectify("加装油水分离设施", Start.AddDays(9));

        Assert.Equal(0, issue.DaysOverdue(Start.AddDays(10)));
    }

    [Fact]
    public void Evidence_over_the_size_limit_or_of_another_type_is_refused_naming_the_field()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        var now = new DateTime(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);

        Assert.Equal("image/png", EvidenceFile.Accept(1, "a.png", "image/png", png, now, "x", "file").ContentType);
        Assert.Equal("EvidenceFileIsAPhotoOrPdf",
            Assert.Throws<RuleViolation>(() => EvidenceFile.Accept(1, "a.png", "image/jpeg", png, now, "x", "file")).Rule);
        Assert.Equal("EvidenceFileIsAPhotoOrPdf",
            Assert.Throws<RuleViolation>(() => EvidenceFile.Accept(1, "a.exe", "application/octet-stream", png, now, "x", "file")).Rule);
        var large = new byte[EvidenceFile.MaxBytes + 1];
        png.CopyTo(large, 0);
        Assert.Equal("file", Assert.Throws<RuleViolation>(() => EvidenceFile.Accept(1, "a.png", "image/png", large, now, "x", "file")).Field);
    }
}
