using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

internal enum ObjectiveLevel
{
    Aspect,
    KeyTask,
    SubTask,
}

/// <summary>
/// What the programme wants, as a tree: aspect → key task → sub-task. <see cref="Path"/> is the
/// materialised path of ids, as for units.
/// </summary>
internal sealed class Objective : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public ObjectiveLevel Level { get; set; }
    public int? ParentId { get; set; }
    public string Path { get; set; } = "/";
    public int SortOrder { get; set; }
    public int Version { get; set; }

    public static ObjectiveLevel LevelUnder(Objective? parent) => parent?.Level switch
    {
        null => ObjectiveLevel.Aspect,
        ObjectiveLevel.Aspect => ObjectiveLevel.KeyTask,
        _ => ObjectiveLevel.SubTask,
    };

    public void PlaceUnder(Objective? parent)
    {
        if (Id == 0)
        {
            throw new InvalidOperationException("An objective is placed in the tree after it has an id.");
        }

        if (parent is not null && parent.Path.Contains($"/{Id}/", StringComparison.Ordinal))
        {
            throw new RuleViolation("ObjectiveCannotBeMovedUnderItself",
                "An objective cannot be placed under itself or one of its own sub-objectives.", "parentId");
        }

        ParentId = parent?.Id;
        Level = LevelUnder(parent);
        Path = (parent?.Path ?? "/") + Id + "/";
    }
}
