using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

/// <summary>A meeting of the commission or of a working group, numbered per body.</summary>
internal sealed class Meeting : IVersioned
{
    public int Id { get; set; }
    public int Number { get; set; }
    public DateOnly HeldOn { get; set; }
    public int BodyUnitId { get; set; }
    public required string Title { get; set; }
    public string? Agenda { get; set; }
    public int Version { get; set; }
    public List<DocumentReview> Reviews { get; set; } = [];

    public static Meeting New(int? number, DateOnly? heldOn, string? title, string? agenda)
    {
        var meeting = new Meeting { Title = "" };
        meeting.Describe(number, heldOn, title, agenda);
        return meeting;
    }

    public void Describe(int? number, DateOnly? heldOn, string? title, string? agenda)
    {
        Number = Fields.Required(number, "number");
        if (Number < 1)
        {
            throw new RuleViolation("MeetingNumberIsPositive", "A meeting's number starts at 1.", "number");
        }

        HeldOn = Fields.Required(heldOn, "heldOn");
        Title = Fields.Required(title, 300, "title");
        Agenda = Fields.Optional(agenda, 4000, "agenda");
    }

    /// <summary>
    /// Records what the meeting decided about a document. A document is passed once: not at a
    /// second meeting, and a passing decision is not taken back.
    /// </summary>
    public DocumentReview Review(int documentId, ReviewOutcome outcome, bool passedAtAnotherMeeting)
    {
        var review = Reviews.Find(r => r.DocumentId == documentId);
        if (review is { Outcome: ReviewOutcome.Passed } && outcome != ReviewOutcome.Passed)
        {
            throw new RuleViolation("PassingReviewCannotBeWithdrawn",
                "The document was passed at this meeting; that decision stands.", "outcome");
        }

        if (outcome == ReviewOutcome.Passed && passedAtAnotherMeeting)
        {
            throw new RuleViolation("DocumentIsPassedAtMostOnce",
                "The document was already passed at another meeting.", "documentId");
        }

        if (review is null)
        {
            review = new DocumentReview { MeetingId = Id, DocumentId = documentId };
            Reviews.Add(review);
        }

        review.Outcome = outcome;
        return review;
    }

    /// <summary>Takes a document off the meeting's record, unless the meeting passed it.</summary>
    public void WithdrawReview(int documentId)
    {
        var review = Reviews.Find(r => r.DocumentId == documentId) ?? throw new NotFound("Review", documentId);
        if (review.Outcome == ReviewOutcome.Passed)
        {
            throw new RuleViolation("PassingReviewCannotBeWithdrawn",
                "The document was passed at this meeting; that decision stands.", "documentId");
        }

        Reviews.Remove(review);
    }
}

internal enum ReviewOutcome
{
    Passed,
    Deferred,
}

/// <summary>A document put before a meeting, and what the meeting decided about it.</summary>
internal sealed class DocumentReview
{
    public int MeetingId { get; set; }
    public int DocumentId { get; set; }
    public ReviewOutcome Outcome { get; set; }
}
