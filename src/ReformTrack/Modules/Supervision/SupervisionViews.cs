namespace ReformTrack.Modules.Supervision;

internal sealed record SupervisionItemView(
    int Id,
    int MeasureId,
    string MeasureCode,
    string MeasureTitle,
    int UnitId,
    string UnitName,
    SupervisionRule Rule,
    SupervisionLevel Level,
    SupervisionStatus Status,
    DateOnly OpenedOn,
    string OpenedBy,
    DateOnly? EscalatedOn,
    string? Instruction,
    DateOnly? RespondBy,
    string? Response,
    string? RespondedBy,
    DateTime? RespondedAt,
    DateOnly? ClosedOn,
    string? ClosedBy,
    ClosedBecause? ClosedBecause,
    string? ClosingNote,
    int Version);

internal sealed record ExtensionView(
    int Id,
    int MeasureId,
    string MeasureCode,
    string MeasureTitle,
    int UnitId,
    string UnitName,
    DateOnly OriginalDueOn,
    DateOnly RequestedDueOn,
    string Reason,
    string RequestedBy,
    DateTime RequestedAt,
    ExtensionStatus Status,
    string? DecidedBy,
    DateTime? DecidedAt,
    string? DecisionNote,
    int Version);

/// <summary>The board's filters; every one optional.</summary>
internal sealed record SupervisionFilter
{
    /// <summary>Items of this unit or any unit under it.</summary>
    public int? UnitId { get; init; }

    public SupervisionLevel? Level { get; init; }
    public SupervisionRule? Rule { get; init; }
    public int? MeasureId { get; init; }

    /// <summary>Null: open and answered items (not closed).</summary>
    public SupervisionStatus? Status { get; init; }

    public bool IncludeClosed { get; init; }
}

/// <summary>How many items stand at each level, within the filter (level aside).</summary>
internal sealed record LevelCounts(int Reminder, int Warning, int Instruction);
