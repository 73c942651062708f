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
}
