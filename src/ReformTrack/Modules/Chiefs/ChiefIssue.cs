using ReformTrack.Shared;

namespace ReformTrack.Modules.Chiefs;

public enum IssueStatus
{
    Open,
    Rectified,
    Closed,
}

/// <summary>
/// A problem an inspection found, to be rectified by <see cref="DueOn"/>: open → rectified →
/// closed, or reopened when the rectification does not hold. It belongs to the assignment that
/// is answerable for it now; a handover passes unresolved issues on to the successor.
/// </summary>
internal sealed class ChiefIssue : IVersioned
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public int? InspectionId { get; set; }
    public required string Description { get; set; }
    public DateOnly RaisedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public IssueStatus Status { get; set; }
    public DateOnly? RectifiedOn { get; set; }
    public string? Rectification { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public int TimesReopened { get; set; }
    public string? ReopenReason { get; set; }
    public int Version { get; set; }

    public bool IsResolved => Status == IssueStatus.Closed;

    public static ChiefIssue Raise(int assignmentId, int? inspectionId, string? description, DateOnly raisedOn, DateOnly? dueOn,
        string field)
    {
        var due = Fields.Required(dueOn, field + ".dueOn");
        if (due < raisedOn)
        {
            throw new RuleViolation("IssueIsDueAfterItIsRaised", "The deadline cannot be before the day the issue is raised.",
                field + ".dueOn");
        }

        return new ChiefIssue
        {
            AssignmentId = assignmentId,
            InspectionId = inspectionId,
            Description = Fields.Required(description, 2000, field + ".description"),
            RaisedOn = raisedOn,
            DueOn = due,
            Status = IssueStatus.Open,
        };
    }

    public void Rectify(string? rectification, DateOnly today)
    {
        if (Status != IssueStatus.Open)
        {
            throw new RuleViolation("OnlyAnOpenIssueIsRectified", "Only an open issue can be marked rectified.", "status");
        }

        Rectification = Fields.Required(rectification, 2000, "rectification");
        RectifiedOn = today;
        Status = IssueStatus.Rectified;
    }

    public void Close(DateOnly today)
    {
        if (Status != IssueStatus.Rectified)
        {
            throw new RuleViolation("OnlyARectifiedIssueIsClosed", "An issue is closed after its rectification.", "status");
        }

        ClosedOn = today;
        Status = IssueStatus.Closed;
    }

    /// <summary>The rectification did not hold: the issue is open again, with its original deadline.</summary>
    public void Reopen(string? reason)
    {
        if (Status == IssueStatus.Open)
        {
            throw new RuleViolation("OnlyARectifiedOrClosedIssueIsReopened", "The issue is already open.", "status");
        }

        ReopenReason = Fields.Required(reason, 1000, "reason");
        Status = IssueStatus.Open;
        ClosedOn = null;
        TimesReopened++;
    }

    /// <summary>A handover makes the successor answerable for an unresolved issue.</summary>
    public void PassTo(int assignmentId)
    {
        if (!IsResolved)
        {
            AssignmentId = assignmentId;
        }
    }

    public int DaysOverdue(DateOnly today) => Status == IssueStatus.Open && DueOn < today ? today.DayNumber - DueOn.DayNumber : 0;
}

/// <summary>
/// How far an open issue past its deadline has escalated: level n once it is at least
/// <see cref="Days"/>[n-1] days overdue (configurable as <c>Chiefs:Escalation:Days</c>). Computed when asked, never stored.
/// </summary>
internal sealed record EscalationLevels(IReadOnlyList<int> Days)
{
    public static readonly EscalationLevels Default = new([1, 15, 30]);

    public int LevelFor(int daysOverdue) => daysOverdue <= 0 ? 0 : Days.Count(d => daysOverdue >= d);

    public static EscalationLevels From(int[]? days)
    {
        if (days is null || days.Length == 0)
        {
            return Default;
        }

        if (days.Any(d => d < 1) || days.Zip(days.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new InvalidOperationException("Chiefs:Escalation:Days must be increasing whole numbers of days, from 1.");
        }

        return new EscalationLevels(days);
    }
}
