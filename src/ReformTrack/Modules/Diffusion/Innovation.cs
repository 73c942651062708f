using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

/// <summary>The level at which a place adopted an innovation.</summary>
internal enum ReplicationLevel
{
    County,
    City,
    Province,
    Nation,
}

/// <summary>
/// An experience first introduced by a unit (创新经验), with the places that copied it.
/// Each adopter is recorded once per level: a place that adopts again at the same level adds
/// nothing, so counts over replications never count an adopter twice, however long the chain of copies.
/// </summary>
internal sealed class Innovation : IVersioned
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public int OriginUnitId { get; set; }
    public DateOnly FirstIntroducedOn { get; set; }
    public string? Description { get; set; }
    public string? Evidence { get; set; }
    public int Version { get; set; }
    public List<Replication> Replications { get; set; } = [];
    public List<InnovationMeasure> Measures { get; set; } = [];

    public static Innovation New(string? title, int? originUnitId, DateOnly? firstIntroducedOn, string? description,
        string? evidence)
    {
        var innovation = new Innovation { Title = "" };
        innovation.Describe(title, originUnitId, firstIntroducedOn, description, evidence);
        return innovation;
    }

    public void Describe(string? title, int? originUnitId, DateOnly? firstIntroducedOn, string? description, string? evidence)
    {
        Title = Fields.Required(title, 300, "title");
        OriginUnitId = Fields.Required(originUnitId, "originUnitId");
        var introduced = Fields.Required(firstIntroducedOn, "firstIntroducedOn");
        if (Replications.Exists(r => r.AdoptedOn < introduced))
        {
            throw new RuleViolation("ReplicationFollowsIntroduction",
                "A replication comes on or after the day the innovation was first introduced.", "firstIntroducedOn");
        }

        FirstIntroducedOn = introduced;
        Description = Fields.Optional(description, 4000, "description");
        Evidence = Fields.Optional(evidence, 2000, "evidence");
    }

    /// <summary>
    /// Records that a unit or a named place adopted the innovation, copying it from the origin
    /// (<paramref name="sourceReplicationId"/> null) or from an earlier adopter.
    /// </summary>
    public Replication Replicate(Adopter adopter, ReplicationLevel? level, DateOnly? adoptedOn, int? sourceReplicationId,
        string? evidence)
    {
        var replication = new Replication { InnovationId = Id, AdopterKey = "" };
        Apply(replication, adopter, level, adoptedOn, SourceOf(replication, sourceReplicationId), evidence);
        Replications.Add(replication);
        return replication;
    }

    /// <summary>Records an adoption copied from <paramref name="source"/>, which need not be saved yet.</summary>
    public Replication Replicate(Adopter adopter, ReplicationLevel level, DateOnly adoptedOn, Replication source,
        string? evidence)
    {
        if (!Replications.Contains(source))
        {
            throw new RuleViolation("ReplicationCopiesFromTheSameInnovation",
                "The source is a replication of the same innovation.", "sourceReplicationId");
        }

        var replication = new Replication { InnovationId = Id, AdopterKey = "" };
        Apply(replication, adopter, level, adoptedOn, source, evidence);
        Replications.Add(replication);
        return replication;
    }

    /// <summary>Changes a recorded replication under the same rules as a new one.</summary>
    public void Revise(int replicationId, Adopter adopter, ReplicationLevel? level, DateOnly? adoptedOn,
        int? sourceReplicationId, string? evidence)
    {
        var replication = Replications.Find(r => r.Id == replicationId) ?? throw new NotFound("Replication", replicationId);
        if (sourceReplicationId is { } source && CopiesFrom(source, replicationId))
        {
            throw new RuleViolation("CopyChainHasNoLoops", "A replication cannot copy from one that copied from it.",
                "sourceReplicationId");
        }

        Apply(replication, adopter, level, adoptedOn, SourceOf(replication, sourceReplicationId), evidence);
    }

    private Replication? SourceOf(Replication replication, int? sourceReplicationId) =>
        sourceReplicationId is not { } id
            ? null
            : Replications.Find(r => r.Id == id && r != replication)
              ?? throw new RuleViolation("ReplicationCopiesFromTheSameInnovation",
                  "The source is a replication of the same innovation.", "sourceReplicationId");

    private void Apply(Replication replication, Adopter adopter, ReplicationLevel? level, DateOnly? adoptedOn,
        Replication? source, string? evidence)
    {
        var key = adopter.Key();
        var at = Fields.Required(level, "level");
        var on = Fields.Required(adoptedOn, "adoptedOn");
        if (adopter.UnitId is { } unit && unit == OriginUnitId)
        {
            throw new RuleViolation("OriginDoesNotReplicateItsOwnInnovation",
                "The unit that introduced the innovation is its origin, not an adopter.", "adopterUnitId");
        }

        if (on < FirstIntroducedOn)
        {
            throw new RuleViolation("ReplicationFollowsIntroduction",
                "A replication comes on or after the day the innovation was first introduced.", "adoptedOn");
        }

        if (Replications.Exists(r => r != replication && r.Level == at && r.AdopterKey == key))
        {
            throw new RuleViolation("AdopterIsCountedOncePerLevel",
                "This adopter is already recorded at this level for this innovation.",
                adopter.UnitId is null ? "adopterPlace" : "adopterUnitId");
        }

        if (source is not null && source.AdoptedOn > on)
        {
            throw new RuleViolation("ReplicationCopiesAnEarlierAdoption",
                "A replication copies from an adoption made on or before its own date.", "sourceReplicationId");
        }

        replication.AdopterUnitId = adopter.UnitId;
        replication.AdopterPlace = adopter.UnitId is null ? adopter.Place : null;
        replication.AdopterKey = key;
        replication.Level = at;
        replication.AdoptedOn = on;
        replication.Source = source;
        replication.SourceReplicationId = source?.Id is > 0 ? source.Id : null;
        replication.Evidence = Fields.Optional(evidence, 2000, "evidence");
    }

    /// <summary>Whether <paramref name="candidate"/> copied, directly or along a chain, from <paramref name="ancestor"/>.</summary>
    private bool CopiesFrom(int candidate, int ancestor)
    {
        var seen = new HashSet<int>();
        for (int? at = candidate; at is { } id && seen.Add(id); at = Replications.Find(r => r.Id == id)?.SourceReplicationId)
        {
            if (id == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    public void LinkMeasures(IReadOnlyCollection<int> measureIds)
    {
        Measures.RemoveAll(m => !measureIds.Contains(m.MeasureId));
        foreach (var id in measureIds.Where(id => Measures.TrueForAll(m => m.MeasureId != id)))
        {
            Measures.Add(new InnovationMeasure { InnovationId = Id, MeasureId = id });
        }
    }
}

/// <summary>Who adopted: a unit of the programme, or a place outside it named in words.</summary>
internal sealed record Adopter(int? UnitId, string? Place)
{
    /// <summary>The adopter's identity for counting: one per unit, one per place name.</summary>
    public string Key()
    {
        if (UnitId is { } unit)
        {
            return $"unit:{unit}";
        }

        var place = Fields.Optional(Place, 200, "adopterPlace")
                    ?? throw new RuleViolation("ReplicationHasAnAdopter", "A replication names the unit or place that adopted it.",
                        "adopterUnitId");
        return $"place:{place}";
    }
}

/// <summary>One adoption of an innovation: who, at which level, when, and whom they copied.</summary>
internal sealed class Replication
{
    public int Id { get; set; }
    public int InnovationId { get; set; }
    public int? AdopterUnitId { get; set; }
    public string? AdopterPlace { get; set; }

    /// <summary>"unit:12" or "place:厦门市": unique per innovation and level.</summary>
    public required string AdopterKey { get; set; }

    public ReplicationLevel Level { get; set; }
    public DateOnly AdoptedOn { get; set; }

    /// <summary>The replication this one copied; null when copied from the origin.</summary>
    public int? SourceReplicationId { get; set; }

    public Replication? Source { get; set; }

    public string? Evidence { get; set; }
}

/// <summary>A ledger measure behind an innovation (by id).</summary>
internal sealed class InnovationMeasure
{
    public int InnovationId { get; set; }
    public int MeasureId { get; set; }
}
