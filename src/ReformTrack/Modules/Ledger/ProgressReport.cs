using ReformTrack.Shared;

namespace ReformTrack.Modules.Ledger;

internal enum ReportStatus
{
    Submitted,
    Accepted,
    Returned,
}

/// <summary>How likely the unit (or the office) thinks delivery on time is.</summary>
internal enum DeliveryConfidence
{
    HighlyLikely,
    Likely,
    Unlikely,
    Unachievable,
}

/// <summary>What a liaison writes in a report.</summary>
internal sealed record ReportContent
{
    public const int TextMaxLength = 4000;

    /// <summary>The month reported on, as <c>yyyy-MM</c>.</summary>
    public required string Period { get; init; }
    public int Percent { get; init; }
    public required string Done { get; init; }
    public string? Obstacles { get; init; }
    public string? NextSteps { get; init; }
    public DeliveryConfidence Confidence { get; init; } = DeliveryConfidence.Likely;
    public string? Explanation { get; init; }
    public string? Evidence { get; init; }

    public void Validate()
    {
        if (!IsPeriod(Period))
        {
            throw new RuleViolation("ReportPeriodIsAMonth", "The period is a month written as yyyy-MM.", "period");
        }

        if (Percent is < 0 or > 100)
        {
            throw new RuleViolation("PercentIsBetween0And100", "Percent done is between 0 and 100.", "percent");
        }

        if (string.IsNullOrWhiteSpace(Done))
        {
            throw new RuleViolation("ReportSaysWhatWasDone", "Say what was done in the period.", "done");
        }
    }

    public static bool IsPeriod(string? period) =>
        period is { Length: 7 } && period[4] == '-'
        && int.TryParse(period.AsSpan(0, 4), out var year) && year is >= 2000 and <= 2100
        && int.TryParse(period.AsSpan(5, 2), out var month) && month is >= 1 and <= 12;
}

/// <summary>
/// A liaison's periodic report on a measure. The office accepts it or returns it with a
/// reason; once accepted it never changes (a correction is a new report).
/// </summary>
internal sealed class ProgressReport : IVersioned
{
    public int Id { get; set; }
    public int MeasureId { get; set; }
    public required ReportContent Content { get; set; }
    public required string SubmittedBy { get; set; }
    public DateTime SubmittedAt { get; set; }
    public ReportStatus Status { get; private set; } = ReportStatus.Submitted;
    public string? ReviewedBy { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public string? ReturnReason { get; private set; }
    public DeliveryConfidence? OfficeConfidence { get; private set; }
    public string? ReviewNote { get; private set; }
    public int Version { get; set; }

    /// <summary>The unit and the office judge delivery differently.</summary>
    public bool ConfidenceDisputed => OfficeConfidence is { } office && office != Content.Confidence;

    internal void Accept(string reviewer, DateTime nowUtc, DeliveryConfidence? officeConfidence, string? note)
    {
        EnsureUnderReview();
        CheckPersonNamed(reviewer, "reviewer");
        Status = ReportStatus.Accepted;
        Review(reviewer, nowUtc, officeConfidence, note);
    }

    public void Return(string reviewer, DateTime nowUtc, string? reason, DeliveryConfidence? officeConfidence = null)
    {
        EnsureUnderReview();
        CheckPersonNamed(reviewer, "reviewer");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolation("ReturnedReportNeedsReason",
                "A report is returned only with a reason the unit can act on.", "reason");
        }

        Status = ReportStatus.Returned;
        ReturnReason = reason.Trim();
        Review(reviewer, nowUtc, officeConfidence, null);
    }

    /// <summary>The unit corrects a returned (or not yet reviewed) report and sends it again.</summary>
    public void Revise(ReportContent content, string submittedBy, DateTime nowUtc)
    {
        EnsureEditable();
        Content = content;
        SubmittedBy = submittedBy;
        SubmittedAt = nowUtc;
        Status = ReportStatus.Submitted;
        ReturnReason = null;
        ReviewedBy = null;
        ReviewedAt = null;
        OfficeConfidence = null;
        ReviewNote = null;
    }

    public const int PersonNameMaxLength = 100;

    /// <summary>An accepted report never changes; a correction is a new report.</summary>
    public void EnsureEditable()
    {
        if (Status == ReportStatus.Accepted)
        {
            throw new RuleViolation("ReportCannotBeEditedAfterAcceptance",
                "An accepted report cannot be changed; submit a new report to correct it.");
        }
    }

    /// <summary>A report is written and reviewed by a named person.</summary>
    public static void CheckPersonNamed(string? name, string field)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new RuleViolation("ReportNamesThePersonActing",
                "Name the person who writes or reviews the report.", field);
        }

        if (name.Trim().Length > PersonNameMaxLength)
        {
            throw new RuleViolation("PersonNameFitsLength",
                $"A name is at most {PersonNameMaxLength} characters.", field, PersonNameMaxLength);
        }
    }

    private void EnsureUnderReview()
    {
        if (Status != ReportStatus.Submitted)
        {
            throw new RuleViolation(Status == ReportStatus.Accepted ? "ReportCannotBeEditedAfterAcceptance" : "OnlySubmittedReportsAreReviewed",
                $"This report is {Status.ToString().ToLowerInvariant()} and cannot be reviewed again.", "status");
        }
    }

    private void Review(string reviewer, DateTime nowUtc, DeliveryConfidence? officeConfidence, string? note)
    {
        ReviewedBy = reviewer.Trim();
        ReviewedAt = nowUtc;
        OfficeConfidence = officeConfidence;
        ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
