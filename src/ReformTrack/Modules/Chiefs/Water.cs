using ReformTrack.Shared;

namespace ReformTrack.Modules.Chiefs;

internal enum WaterKind
{
    River,
    Lake,
    Reach,
}

/// <summary>A river, lake or river reach under the river/lake chief system, in a district (a unit, by id).</summary>
internal sealed class Water : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public WaterKind Kind { get; set; }
    public int DistrictUnitId { get; set; }

    /// <summary>The river a reach is part of.</summary>
    public int? RiverId { get; set; }

    public string? Description { get; set; }
    public int Version { get; set; }

    public void Describe(string? name, WaterKind? kind, int? districtUnitId, string? description)
    {
        Name = Fields.Required(name, 200, "name");
        Kind = Fields.Required(kind, "kind");
        DistrictUnitId = Fields.Required(districtUnitId, "districtUnitId");
        Description = Fields.Optional(description, 2000, "description");
    }
}
