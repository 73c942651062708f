using ReformTrack.Shared;

namespace ReformTrack.Modules.Organisation;

internal enum UnitKind
{
    Commission,
    WorkingGroup,
    Office,
    DistrictOffice,
    Department,
    Park,
    Enterprise,
}

/// <summary>
/// An organisation in the reform structure. Units form a tree; <see cref="Path"/> is the
/// materialised path of ids (<c>/1/4/17/</c>) so that "this unit and everything under it"
/// is one indexed prefix match.
/// </summary>
internal sealed class Unit : IVersioned
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 200;

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public UnitKind Kind { get; set; }
    public int? ParentId { get; set; }
    public string Path { get; set; } = "/";
    public int Version { get; set; }

    /// <summary>How deep the unit sits: 0 for a root.</summary>
    public int Depth => TreePath.Depth(Path);

    /// <summary>A new unit, its fields checked; it joins the tree with <see cref="PlaceUnder"/> once saved.</summary>
    public static Unit New(string? code, string? name, UnitKind? kind)
    {
        var unit = new Unit { Code = "", Name = "" };
        unit.Describe(code, name, kind);
        return unit;
    }

    public void Describe(string? code, string? name, UnitKind? kind)
    {
        Code = Fields.Required(code, CodeMaxLength, "code");
        Name = Fields.Required(name, NameMaxLength, "name");
        Kind = Fields.Required(kind, "kind");
    }

    /// <summary>Sets <see cref="Path"/> once the id is known (after the first save).</summary>
    public void PlaceUnder(Unit? parent)
    {
        if (Id == 0)
        {
            throw new InvalidOperationException("A unit is placed in the tree after it has an id.");
        }

        if (parent is not null && parent.Path.Contains($"/{Id}/", StringComparison.Ordinal))
        {
            throw new RuleViolation("UnitCannotBeMovedUnderItself",
                "A unit cannot be placed under itself or one of its own sub-units.", "parentId");
        }

        ParentId = parent?.Id;
        Path = (parent?.Path ?? "/") + Id + "/";
    }

    /// <summary>Follows a move of an ancestor whose path went from <paramref name="oldPrefix"/> to <paramref name="newPrefix"/>.</summary>
    public void FollowAncestor(string oldPrefix, string newPrefix) => Path = TreePath.Rebase(Path, oldPrefix, newPrefix);
}
