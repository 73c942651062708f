using ReformTrack.Shared;

namespace ReformTrack.Modules.Ledger;

/// <summary>A dated step of a measure, marked done with evidence.</summary>
internal sealed class Milestone : IVersioned
{
    public int Id { get; set; }
    public int MeasureId { get; set; }
    public required string Title { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; private set; }
    public string? Evidence { get; private set; }
    public int Version { get; set; }

    public void MarkDone(DateOnly doneOn, string? evidence)
    {
        if (string.IsNullOrWhiteSpace(evidence))
        {
            throw new RuleViolation("DoneMilestoneNeedsEvidence",
                "A milestone is marked done with evidence of what was delivered.", "evidence");
        }

        DoneOn = doneOn;
        Evidence = evidence.Trim();
    }

    public void Reopen()
    {
        DoneOn = null;
        Evidence = null;
    }
}
