using ReformTrack.Shared;

namespace ReformTrack.Modules.Supervision;

internal enum ExtensionStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// A unit asks for a later due date for a measure, with a reason; a leader approves (the measure's
/// due date moves) or rejects. The due date before the request is kept on the request.
/// </summary>
internal sealed class ExtensionRequest : IVersioned
{
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public int MeasureId { get; set; }
    public int UnitId { get; set; }
    public DateOnly OriginalDueOn { get; private set; }
    public DateOnly RequestedDueOn { get; private set; }
    public string Reason { get; private set; } = "";
    public string RequestedBy { get; private set; } = "";
    public DateTime RequestedAt { get; private set; }
    public ExtensionStatus Status { get; private set; } = ExtensionStatus.Pending;
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecisionNote { get; private set; }
    public int Version { get; set; }

    public static ExtensionRequest Ask(int measureId, int unitId, DateOnly currentDueOn, DateOnly? requestedDueOn,
        string? reason, string requestedBy, DateTime nowUtc)
    {
        if (requestedDueOn is not { } requested)
        {
            throw new RuleViolation("ExtensionNamesANewDeadline", "Say which new due date the unit asks for.", "requestedDueOn");
        }

        if (requested <= currentDueOn)
        {
            throw new RuleViolation("ExtensionMovesTheDeadlineLater",
                "The new due date is later than the current one.", "requestedDueOn");
        }

        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new RuleViolation("ExtensionHasAReason", "An extension is asked for with a reason.", "reason");
        }

        if (text.Length > TextMaxLength)
        {
            throw new RuleViolation("SupervisionTextFitsLength",
                $"The text is at most {TextMaxLength} characters.", "reason", TextMaxLength);
        }

        return new ExtensionRequest
        {
            MeasureId = measureId,
            UnitId = unitId,
            OriginalDueOn = currentDueOn,
            RequestedDueOn = requested,
            Reason = text,
            RequestedBy = requestedBy,
            RequestedAt = nowUtc,
        };
    }

    public void Approve(string leader, string? note, DateTime nowUtc) => Decide(ExtensionStatus.Approved, leader, note, nowUtc);

    public void Reject(string leader, string? note, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new RuleViolation("RejectedExtensionNeedsReason", "An extension is rejected with a reason.", "note");
        }

        Decide(ExtensionStatus.Rejected, leader, note, nowUtc);
    }

    private void Decide(ExtensionStatus status, string leader, string? note, DateTime nowUtc)
    {
        if (Status != ExtensionStatus.Pending)
        {
            throw new RuleViolation("ExtensionIsDecidedOnce", "The request has already been decided.", "status");
        }

        if (note is { Length: > TextMaxLength })
        {
            throw new RuleViolation("SupervisionTextFitsLength",
                $"The text is at most {TextMaxLength} characters.", "note", TextMaxLength);
        }

        Status = status;
        DecidedBy = leader;
        DecidedAt = nowUtc;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}

/// <summary>One evaluation of the rules per day: what it found. Its key is the day.</summary>
internal sealed class SupervisionRun
{
    public DateOnly Day { get; set; }
    public DateTime RanAt { get; set; }
    public int Opened { get; set; }
    public int Escalated { get; set; }
    public int Closed { get; set; }
}

/// <summary>A digest sent to a user for a day; the key (user, day) makes a second one impossible.</summary>
internal sealed class DigestSent
{
    public int UserId { get; set; }
    public DateOnly Day { get; set; }
    public DateTime SentAt { get; set; }
    public int Updates { get; set; }
}
