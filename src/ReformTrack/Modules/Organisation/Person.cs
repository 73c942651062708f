using ReformTrack.Shared;

namespace ReformTrack.Modules.Organisation;

/// <summary>A named person in a unit: a leader, a responsible official, a liaison.</summary>
internal sealed class Person : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int UnitId { get; set; }
    public string? Title { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool IsLiaison { get; set; }
    public int Version { get; set; }
}
