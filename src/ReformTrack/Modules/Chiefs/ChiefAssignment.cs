using ReformTrack.Shared;

namespace ReformTrack.Modules.Chiefs;

/// <summary>What a chief is responsible for: a chain or park (Parks module) or a water (this module), by id.</summary>
public enum ChiefObjectKind
{
    Chain,
    Park,
    River,
    Lake,
    Reach,
}

public enum ChiefLevel
{
    City,
    District,
    Township,
}

/// <summary>
/// An official (a person of the organisation, by id) responsible for an object at a level, from
/// <see cref="StartOn"/> until a handover ends it. Ended assignments stay: they are the history.
/// </summary>
internal sealed class ChiefAssignment : IVersioned
{
    public int Id { get; set; }
    public ChiefObjectKind ObjectKind { get; set; }
    public int ObjectId { get; set; }
    public ChiefLevel Level { get; set; }
    public int PersonId { get; set; }
    public int? DeputyPersonId { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public int? PredecessorId { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }

    public bool IsCurrent => EndOn is null;

    public static ChiefAssignment New(ChiefObjectKind? objectKind, int? objectId, ChiefLevel? level, int? personId,
        int? deputyPersonId, DateOnly? startOn, string? note)
    {
        var assignment = new ChiefAssignment
        {
            ObjectKind = Fields.Required(objectKind, "objectKind"),
            ObjectId = Fields.Required(objectId, "objectId"),
            StartOn = Fields.Required(startOn, "startOn"),
        };
        assignment.Describe(level, personId, deputyPersonId, note);
        return assignment;
    }

    public void Describe(ChiefLevel? level, int? personId, int? deputyPersonId, string? note)
    {
        Level = Fields.Required(level, "level");
        PersonId = Fields.Required(personId, "personId");
        if (deputyPersonId == PersonId)
        {
            throw new RuleViolation("DeputyIsAnotherPerson", "The deputy must be someone other than the chief.", "deputyPersonId");
        }

        DeputyPersonId = deputyPersonId;
        Note = Fields.Optional(note, 1000, "note");
    }

    /// <summary>
    /// Ends this assignment on <paramref name="on"/> and starts the successor's the same day, at the
    /// same level for the same object. The caller moves the open issues (<see cref="ChiefIssue.PassTo"/>).
    /// </summary>
    public ChiefAssignment HandOver(int? successorId, int? deputyPersonId, DateOnly? on, string? note)
    {
        var date = Fields.Required(on, "on");
        var successor = Fields.Required(successorId, "successorPersonId");
        if (!IsCurrent)
        {
            throw new RuleViolation("OnlyACurrentAssignmentIsHandedOver",
                "This assignment has already ended; hand over the current one.", "id");
        }

        if (successor == PersonId)
        {
            throw new RuleViolation("HandoverGoesToAnotherPerson", "The successor must be someone other than the current chief.",
                "successorPersonId");
        }

        if (date < StartOn)
        {
            throw new RuleViolation("HandoverIsNotBeforeTheStart", "The handover cannot be before the assignment started.", "on");
        }

        var next = New(ObjectKind, ObjectId, Level, successor, deputyPersonId, date, note);
        next.PredecessorId = Id;
        EndOn = date;
        return next;
    }
}
