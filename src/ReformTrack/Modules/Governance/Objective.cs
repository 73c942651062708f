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

    /// <summary>Shown on the public portal only when the office has published it.</summary>
    public bool Published { get; set; }

    public int Version { get; set; }

    public const int CodeMaxLength = 32;
    public const int TitleMaxLength = 300;

    /// <summary>A new objective, its fields checked; it joins the tree with <see cref="PlaceUnder"/> once saved.</summary>
    public static Objective New(string? code, string? title, int sortOrder)
    {
        var objective = new Objective { Code = "", Title = "" };
        objective.Describe(code, title, sortOrder);
        return objective;
    }

    public void Describe(string? code, string? title, int sortOrder)
    {
        Code = Fields.Required(code, CodeMaxLength, "code");
        Title = Fields.Required(title, TitleMaxLength, "title");
        SortOrder = sortOrder;
    }

    public static ObjectiveLevel LevelUnder(Objective? parent) => parent?.Level switch
    {
        null => ObjectiveLevel.Aspect,
        ObjectiveLevel.Aspect => ObjectiveLevel.KeyTask,
        _ => ObjectiveLevel.SubTask,
    };

    /// <summary>
    /// Places the objective (and the <paramref name="levelsBelow"/> levels of its own subtree) under
    /// <paramref name="parent"/>; its level follows from the parent's.
    /// </summary>
    public void PlaceUnder(Objective? parent, int levelsBelow = 0)
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

        CheckFitsUnder(parent, levelsBelow);
        ParentId = parent?.Id;
        Level = LevelUnder(parent);
        Path = (parent?.Path ?? "/") + Id + "/";
    }

    /// <summary>An objective with <paramref name="levelsBelow"/> levels under it fits under <paramref name="parent"/>.</summary>
    public static void CheckFitsUnder(Objective? parent, int levelsBelow = 0)
    {
        var depth = parent is null ? 0 : TreePath.Depth(parent.Path) + 1;
        if (depth + levelsBelow > (int)ObjectiveLevel.SubTask)
        {
            throw new RuleViolation("ObjectiveTreeHasAtMostThreeLevels",
                "Objectives go three levels deep at most: aspect, key task, sub-task.", "parentId");
        }
    }

    /// <summary>Follows a move of an ancestor: new path, and the level that the new depth gives.</summary>
    public void FollowAncestor(string oldPrefix, string newPrefix)
    {
        Path = TreePath.Rebase(Path, oldPrefix, newPrefix);
        Level = (ObjectiveLevel)TreePath.Depth(Path);
    }
}
