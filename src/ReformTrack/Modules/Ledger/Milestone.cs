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

    public const int TitleMaxLength = 300;
    public const int EvidenceMaxLength = 2000;

    /// <summary>Sets the step's title and date: a title is required and the date falls within the measure's schedule.</summary>
    public void Plan(string? title, DateOnly dueOn, Measure measure)
    {
        var trimmed = title?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new RuleViolation("MilestoneHasATitle", "A milestone has a title saying what is delivered.", "title");
        }

        if (trimmed.Length > TitleMaxLength)
        {
            throw new RuleViolation("MilestoneTitleFitsLength",
                $"The title is at most {TitleMaxLength} characters.", "title", TitleMaxLength);
        }

        if (dueOn < measure.StartOn || dueOn > measure.DueOn)
        {
            throw new RuleViolation("MilestoneFallsWithinTheMeasureSchedule",
                $"A milestone falls between the measure's start ({measure.StartOn:yyyy-MM-dd}) and due date ({measure.DueOn:yyyy-MM-dd}).",
                "dueOn", measure.StartOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                measure.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        Title = trimmed;
        DueOn = dueOn;
    }

    /// <summary>Marked done on a day that has come, with evidence.</summary>
    public void MarkDone(DateOnly doneOn, string? evidence, DateOnly today)
    {
        if (doneOn > today)
        {
            throw new RuleViolation("MilestoneIsNotDoneInTheFuture",
                "A milestone is marked done on or before today.", "doneOn");
        }

        if (evidence is { Length: > EvidenceMaxLength })
        {
            throw new RuleViolation("MilestoneEvidenceFitsLength",
                $"The evidence is at most {EvidenceMaxLength} characters.", "evidence", EvidenceMaxLength);
        }

        MarkDone(doneOn, evidence);
    }

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
