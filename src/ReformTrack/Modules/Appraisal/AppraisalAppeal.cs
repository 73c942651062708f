using ReformTrack.Shared;

namespace ReformTrack.Modules.Appraisal;

internal enum AppealStatus
{
    Open,
    Accepted,
    Rejected,
}

/// <summary>
/// A unit's appeal against one criterion of a published appraisal. The office accepts it with the
/// corrected raw value (a new published edition of the run) or rejects it with a reason.
/// </summary>
internal sealed class AppraisalAppeal : IVersioned
{
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public int RunId { get; set; }
    public int UnitId { get; set; }
    public CriterionKind Kind { get; set; }
    public required string Reason { get; set; }
    public decimal? RequestedValue { get; set; }
    public AppealStatus Status { get; private set; } = AppealStatus.Open;
    public required string FiledBy { get; set; }
    public DateTime FiledAt { get; set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? Decision { get; private set; }
    public decimal? CorrectedValue { get; private set; }

    /// <summary>The edition an accepted appeal produced.</summary>
    public int? NewRunId { get; set; }

    public int Version { get; set; }

    public static AppraisalAppeal File(AppraisalRun run, int unitId, CriterionKind kind, string? reason, decimal? requested,
        string by, DateTime nowUtc)
    {
        if (run.Status != RunStatus.Published)
        {
            throw new RuleViolation("AppealsConcernThePublishedEdition",
                "An appeal is made against the current published edition of an appraisal.", "runId");
        }

        return new AppraisalAppeal
        {
            RunId = run.Id,
            UnitId = unitId,
            Kind = kind,
            Reason = Fields.Required(reason, TextMaxLength, "reason"),
            RequestedValue = requested,
            FiledBy = by,
            FiledAt = nowUtc,
        };
    }

    public void Accept(decimal corrected, string? note, string by, DateTime nowUtc)
    {
        EnsureOpen();
        Status = AppealStatus.Accepted;
        CorrectedValue = corrected;
        Decision = string.IsNullOrWhiteSpace(note) ? null : Fields.Required(note, TextMaxLength, "note");
        DecidedBy = by;
        DecidedAt = nowUtc;
    }

    public void Reject(string? reason, string by, DateTime nowUtc)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolation("RejectedAppealNeedsReason", "An appeal is rejected only with a reason.", "reason");
        }

        Status = AppealStatus.Rejected;
        Decision = Fields.Required(reason, TextMaxLength, "reason");
        DecidedBy = by;
        DecidedAt = nowUtc;
    }

    private void EnsureOpen()
    {
        if (Status != AppealStatus.Open)
        {
            throw new RuleViolation("AppealIsDecidedOnce", "This appeal has already been decided.", "status");
        }
    }
}
