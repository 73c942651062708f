using ReformTrack.Shared;

namespace ReformTrack.Modules.Ledger;

/// <summary>
/// One reform measure: a row of the ledger (台账). Its status changes only through the
/// methods below, each of which checks its rule; its light is computed from the schedule and
/// the progress the office has accepted.
/// </summary>
internal sealed class Measure : IVersioned
{
    public const int CodeMaxLength = 40;
    public const int TitleMaxLength = 500;

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public int? DocumentId { get; set; }
    public int? ClauseId { get; set; }
    public int ObjectiveId { get; set; }
    public int LeadUnitId { get; set; }
    public int? ResponsiblePersonId { get; set; }
    public DateOnly StartOn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public MeasureStatus Status { get; private set; } = MeasureStatus.Draft;

    /// <summary>Percent done, as last accepted by the office.</summary>
    public int Progress { get; private set; }

    public DateOnly? CompletedOn { get; private set; }
    public string? StatusReason { get; private set; }
    public List<string> Tags { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<MeasureCoUnit> CoUnits { get; set; } = [];
    public List<Milestone> Milestones { get; set; } = [];

    public const int DescriptionMaxLength = 4000;
    public const int TagMaxLength = 50;

    /// <summary>Sets what the measure is called and says: a code and a title are required, each within its length.</summary>
    public void Describe(string? code, string? title, string? description)
    {
        var trimmedCode = code?.Trim();
        if (string.IsNullOrEmpty(trimmedCode))
        {
            throw new RuleViolation("MeasureHasACode", "A measure has a code, such as FZ-2026-001.", "code");
        }

        if (trimmedCode.Length > CodeMaxLength)
        {
            throw new RuleViolation("MeasureCodeFitsLength",
                $"The code is at most {CodeMaxLength} characters.", "code", CodeMaxLength);
        }

        var trimmedTitle = title?.Trim();
        if (string.IsNullOrEmpty(trimmedTitle))
        {
            throw new RuleViolation("MeasureHasATitle", "A measure has a title saying what will be done.", "title");
        }

        if (trimmedTitle.Length > TitleMaxLength)
        {
            throw new RuleViolation("MeasureTitleFitsLength",
                $"The title is at most {TitleMaxLength} characters.", "title", TitleMaxLength);
        }

        var trimmedDescription = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (trimmedDescription is { Length: > DescriptionMaxLength })
        {
            throw new RuleViolation("MeasureDescriptionFitsLength",
                $"The description is at most {DescriptionMaxLength} characters.", "description", DescriptionMaxLength);
        }

        Code = trimmedCode;
        Title = trimmedTitle;
        Description = trimmedDescription;
    }

    /// <summary>
    /// The policy document and clause the measure carries out. A clause is cited only with its
    /// own document (<paramref name="clauseDocumentId"/> is the document the clause belongs to).
    /// </summary>
    public void Cite(int? documentId, int? clauseId, int? clauseDocumentId)
    {
        if (clauseId is not null && (documentId is null || clauseDocumentId != documentId))
        {
            throw new RuleViolation("ClauseBelongsToTheCitedDocument",
                "The clause must be a clause of the measure's document.", "clauseId");
        }

        DocumentId = documentId;
        ClauseId = clauseId;
    }

    /// <summary>Tags are trimmed, kept once each, and short.</summary>
    public void Tag(IEnumerable<string>? tags)
    {
        var cleaned = (tags ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim())
            .Distinct(StringComparer.Ordinal).ToList();
        if (cleaned.Any(t => t.Length > TagMaxLength))
        {
            throw new RuleViolation("MeasureTagFitsLength",
                $"A tag is at most {TagMaxLength} characters.", "tags", TagMaxLength);
        }

        Tags = cleaned;
    }

    public void Schedule(DateOnly startOn, DateOnly dueOn)
    {
        if (dueOn <= startOn)
        {
            throw new RuleViolation("DueDateMustBeAfterStartDate",
                "The due date must be after the start date.", "dueOn");
        }

        StartOn = startOn;
        DueOn = dueOn;
    }

    public void SetCoUnits(IEnumerable<int> unitIds)
    {
        var wanted = unitIds.Where(id => id != LeadUnitId).ToHashSet();
        CoUnits.RemoveAll(c => !wanted.Contains(c.UnitId));
        foreach (var id in wanted.Where(id => CoUnits.TrueForAll(c => c.UnitId != id)))
        {
            CoUnits.Add(new MeasureCoUnit { MeasureId = Id, UnitId = id });
        }
    }

    public Light LightOn(DateOnly today, LightThresholds thresholds) =>
        LightRule.Compute(Status, StartOn, DueOn, Progress, today, thresholds);

    public void Activate() => Move(MeasureStatus.Active, from: [MeasureStatus.Draft]);

    public void Suspend(string? reason)
    {
        Move(MeasureStatus.Suspended, from: [MeasureStatus.Active]);
        StatusReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    public void Resume()
    {
        Move(MeasureStatus.Active, from: [MeasureStatus.Suspended]);
        StatusReason = null;
    }

    public void Complete(DateOnly today)
    {
        Move(MeasureStatus.Completed, from: [MeasureStatus.Active]);
        Progress = 100;
        CompletedOn = today;
    }

    public void Cancel(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolation("CancelledMeasureNeedsReason",
                "A measure is cancelled only with a reason.", "reason");
        }

        Move(MeasureStatus.Cancelled, from: [MeasureStatus.Draft, MeasureStatus.Active, MeasureStatus.Suspended]);
        StatusReason = reason.Trim();
    }

    /// <summary>Moves the measure to <paramref name="status"/> by its named transition.</summary>
    public void ChangeStatus(MeasureStatus status, string? reason, DateOnly today)
    {
        switch (status)
        {
            case MeasureStatus.Active when Status == MeasureStatus.Suspended:
                Resume();
                break;
            case MeasureStatus.Active:
                Activate();
                break;
            case MeasureStatus.Suspended:
                Suspend(reason);
                break;
            case MeasureStatus.Completed:
                Complete(today);
                break;
            case MeasureStatus.Cancelled:
                Cancel(reason);
                break;
            default:
                throw new RuleViolation("StatusTransitionNotAllowed",
                    $"A measure cannot go from {Status} to {status}.", "status", Status, status);
        }
    }

    /// <summary>
    /// A liaison's report on this measure. The report's percent may fall below the accepted
    /// progress only with an explanation, and a report that leaves the measure yellow or red
    /// must explain why.
    /// </summary>
    public ProgressReport SubmitReport(ReportContent content, string submittedBy, DateTime nowUtc,
        DateOnly today, LightThresholds thresholds)
    {
        if (Status != MeasureStatus.Active)
        {
            throw new RuleViolation("ReportsAreSubmittedOnlyForActiveMeasures",
                $"Progress is reported only on active measures; this one is {Status}.", "measureId", Status);
        }

        ProgressReport.CheckPersonNamed(submittedBy, "reporter");
        CheckReportContent(content, today, thresholds);
        return new ProgressReport
        {
            MeasureId = Id,
            Content = content,
            SubmittedBy = submittedBy.Trim(),
            SubmittedAt = nowUtc,
        };
    }

    /// <summary>The same checks a new report gets, for a returned report being corrected.</summary>
    public void CheckReportContent(ReportContent content, DateOnly today, LightThresholds thresholds)
    {
        content.Validate();
        var explained = !string.IsNullOrWhiteSpace(content.Explanation);
        if (content.Percent < Progress && !explained)
        {
            throw new RuleViolation("ProgressCannotGoBackwardsWithoutExplanation",
                $"The reported {content.Percent}% is below the accepted {Progress}%; explain why.", "explanation",
                content.Percent, Progress);
        }

        var light = LightRule.Compute(Status, StartOn, DueOn, content.Percent, today, thresholds);
        if (light is Light.Yellow or Light.Red && !explained)
        {
            throw new RuleViolation("BehindScheduleReportNeedsExplanation",
                $"At {content.Percent}% the measure is {light.ToString().ToLowerInvariant()}; explain the delay.",
                "explanation", content.Percent, light);
        }
    }

    /// <summary>
    /// The unit corrects a returned or not yet reviewed report: an accepted one never changes,
    /// and the new content meets the same rules as a new report.
    /// </summary>
    public void ReviseReport(ProgressReport report, ReportContent content, string submittedBy, DateTime nowUtc,
        DateOnly today, LightThresholds thresholds)
    {
        if (report.MeasureId != Id)
        {
            throw new InvalidOperationException("The report belongs to another measure.");
        }

        report.EnsureEditable();
        ProgressReport.CheckPersonNamed(submittedBy, "reporter");
        CheckReportContent(content, today, thresholds);
        report.Revise(content, submittedBy.Trim(), nowUtc);
    }

    /// <summary>The office accepts a report: its percent becomes the measure's progress.</summary>
    public void Accept(ProgressReport report, string reviewer, DateTime nowUtc, DeliveryConfidence? officeConfidence,
        string? note)
    {
        if (report.MeasureId != Id)
        {
            throw new InvalidOperationException("The report belongs to another measure.");
        }

        report.Accept(reviewer, nowUtc, officeConfidence, note);
        Progress = report.Content.Percent;
    }

    private void Move(MeasureStatus to, MeasureStatus[] from)
    {
        if (!from.Contains(Status))
        {
            throw new RuleViolation("StatusTransitionNotAllowed",
                $"A measure cannot go from {Status} to {to}.", "status", Status, to);
        }

        Status = to;
    }
}

internal sealed class MeasureCoUnit
{
    public int MeasureId { get; set; }
    public int UnitId { get; set; }
}
