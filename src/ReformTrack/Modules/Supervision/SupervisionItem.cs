using ReformTrack.Shared;

namespace ReformTrack.Modules.Supervision;

/// <summary>Why an item was opened: one of the daily rules, or by hand.</summary>
internal enum SupervisionRule
{
    /// <summary>The measure's light is yellow: behind its time-proportional schedule.</summary>
    Yellow,

    /// <summary>The measure's light is red: far behind its schedule.</summary>
    Red,

    /// <summary>The due date has passed and the measure is still active.</summary>
    Overdue,

    /// <summary>No report for the period that is due.</summary>
    ReportMissing,

    /// <summary>A milestone's date has passed and it is not done.</summary>
    MilestoneMissed,

    /// <summary>Opened by the office or a leader with an instruction.</summary>
    Manual,
}

/// <summary>The escalation ladder: reminder (提醒) → warning notice (警示) → leader's instruction (领导批示).</summary>
internal enum SupervisionLevel
{
    Reminder,
    Warning,
    Instruction,
}

internal enum SupervisionStatus
{
    /// <summary>Waiting for the responsible unit's response.</summary>
    Open,

    /// <summary>The unit has responded; the office has not closed it yet.</summary>
    Answered,

    Closed,
}

internal enum ClosedBecause
{
    /// <summary>The office judged the matter settled.</summary>
    Resolved,

    /// <summary>The rule no longer holds: the measure is back on track (or no longer active).</summary>
    BackOnTrack,
}

/// <summary>
/// A supervision item (督办事项): a matter the office chases with the unit that leads a measure.
/// The daily rules open, escalate and close the automatic ones; people open manual ones with an
/// instruction and a response deadline. While an item is not closed its <see cref="OpenKey"/>
/// ("measure:rule") is set and unique, so a rule never opens a second item for the same measure.
/// </summary>
internal sealed class SupervisionItem : IVersioned
{
    public const int TextMaxLength = 2000;
    public const int PersonMaxLength = 100;

    public int Id { get; set; }
    public int MeasureId { get; set; }

    /// <summary>The unit that answers: the measure's lead unit when the item was opened.</summary>
    public int UnitId { get; set; }

    public SupervisionRule Rule { get; private set; }
    public SupervisionLevel Level { get; private set; }
    public SupervisionStatus Status { get; private set; } = SupervisionStatus.Open;

    /// <summary>Set while the item is not closed: "measureId:rule" for automatic items, null for manual ones.</summary>
    public string? OpenKey { get; private set; }

    public DateOnly OpenedOn { get; private set; }
    public string OpenedBy { get; private set; } = "";
    public DateOnly? EscalatedOn { get; private set; }
    public string? Instruction { get; private set; }
    public DateOnly? RespondBy { get; private set; }
    public string? Response { get; private set; }
    public string? RespondedBy { get; private set; }
    public DateTime? RespondedAt { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? ClosedBy { get; private set; }
    public ClosedBecause? ClosedBecause { get; private set; }
    public string? ClosingNote { get; private set; }
    public int Version { get; set; }

    public bool IsAutomatic => Rule != SupervisionRule.Manual;

    /// <summary>
    /// The key of the open item of a measure and rule. Yellow, red and overdue share one key ("light"):
    /// a measure that slips from yellow to red keeps its item, and its place on the ladder.
    /// </summary>
    public static string KeyOf(int measureId, SupervisionRule rule) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{measureId}:{(IsLight(rule) ? "Light" : rule.ToString())}");

    /// <summary>Opened by the daily rules on <paramref name="today"/>, at the first rung.</summary>
    public static SupervisionItem OpenByRule(int measureId, int unitId, SupervisionRule rule, DateOnly today) => new()
    {
        MeasureId = measureId,
        UnitId = unitId,
        Rule = rule,
        Level = SupervisionLevel.Reminder,
        OpenKey = KeyOf(measureId, rule),
        OpenedOn = today,
        OpenedBy = SystemActor,
    };

    /// <summary>The name recorded for what the daily rules do.</summary>
    public const string SystemActor = "ReformTrack";

    /// <summary>Opened by a person, with the instruction the unit must answer and by when.</summary>
    public static SupervisionItem OpenByHand(int measureId, int unitId, SupervisionLevel level, string? instruction,
        DateOnly? respondBy, string openedBy, DateOnly today)
    {
        var text = instruction?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new RuleViolation("SupervisionItemHasAnInstruction",
                "An item opened by hand says what the unit must do.", "instruction");
        }

        if (text.Length > TextMaxLength)
        {
            throw new RuleViolation("SupervisionTextFitsLength",
                $"The text is at most {TextMaxLength} characters.", "instruction", TextMaxLength);
        }

        if (respondBy is not { } by)
        {
            throw new RuleViolation("SupervisionItemHasAResponseDeadline",
                "An item opened by hand says by when the unit must respond.", "respondBy");
        }

        if (by < today)
        {
            throw new RuleViolation("ResponseDeadlineIsNotInThePast",
                "The response deadline is today or later.", "respondBy");
        }

        return new SupervisionItem
        {
            MeasureId = measureId,
            UnitId = unitId,
            Rule = SupervisionRule.Manual,
            Level = level,
            OpenedOn = today,
            OpenedBy = openedBy,
            Instruction = text,
            RespondBy = by,
        };
    }

    /// <summary>The rule's finding still holds: the ladder climbs to <paramref name="level"/> (never down).</summary>
    public bool EscalateTo(SupervisionLevel level, DateOnly today)
    {
        if (Status != SupervisionStatus.Open || level <= Level)
        {
            return false;
        }

        Level = level;
        EscalatedOn = today;
        return true;
    }

    /// <summary>A light item follows its measure's light (yellow, red, overdue) while it stays open.</summary>
    public bool Reclassify(SupervisionRule rule)
    {
        if (Status == SupervisionStatus.Closed || rule == Rule || !IsLight(Rule) || !IsLight(rule))
        {
            return false;
        }

        Rule = rule;
        return true;
    }

    public static bool IsLight(SupervisionRule rule) => rule is SupervisionRule.Yellow or SupervisionRule.Red or SupervisionRule.Overdue;

    /// <summary>The responsible unit answers: what it has done or will do.</summary>
    public void Respond(string? response, string respondedBy, DateTime nowUtc)
    {
        if (Status == SupervisionStatus.Closed)
        {
            throw new RuleViolation("ClosedItemTakesNoResponse", "The item is closed; it takes no response.", "response");
        }

        var text = response?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new RuleViolation("ResponseSaysWhatIsDone", "A response says what the unit has done or will do.", "response");
        }

        if (text.Length > TextMaxLength)
        {
            throw new RuleViolation("SupervisionTextFitsLength",
                $"The text is at most {TextMaxLength} characters.", "response", TextMaxLength);
        }

        Response = text;
        RespondedBy = respondedBy;
        RespondedAt = nowUtc;
        Status = SupervisionStatus.Answered;
    }

    /// <summary>The office closes the item.</summary>
    public void Close(string closedBy, string? note, DateOnly today)
    {
        if (Status == SupervisionStatus.Closed)
        {
            throw new RuleViolation("ItemIsClosedOnce", "The item is already closed.", "status");
        }

        if (note is { Length: > TextMaxLength })
        {
            throw new RuleViolation("SupervisionTextFitsLength",
                $"The text is at most {TextMaxLength} characters.", "note", TextMaxLength);
        }

        Finish(Supervision.ClosedBecause.Resolved, closedBy, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), today);
    }

    /// <summary>The rule no longer holds: the item closes itself.</summary>
    public void CloseBackOnTrack(DateOnly today) => Finish(Supervision.ClosedBecause.BackOnTrack, SystemActor, null, today);

    private void Finish(ClosedBecause because, string closedBy, string? note, DateOnly today)
    {
        Status = SupervisionStatus.Closed;
        ClosedBecause = because;
        ClosedBy = closedBy;
        ClosingNote = note;
        ClosedOn = today;
        OpenKey = null;
    }
}
