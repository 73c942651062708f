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
