using ReformTrack.Shared;

namespace ReformTrack.Modules.Parks;

/// <summary>A major industrial cluster (e.g. one of the five 千亿 clusters); its chains belong to it.</summary>
internal sealed class Cluster : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }

    public void Describe(string? name, string? description, int sortOrder)
    {
        Name = Fields.Required(name, 200, "name");
        Description = Fields.Optional(description, 2000, "description");
        SortOrder = sortOrder;
    }
}

internal sealed class ChainPark
{
    public int ChainId { get; set; }
    public int ParkId { get; set; }
}

/// <summary>A key enterprise of a chain, optionally located in one of the parks.</summary>
internal sealed class ChainEnterprise
{
    public int Id { get; set; }
    public int ChainId { get; set; }
    public required string Name { get; set; }
    public int? ParkId { get; set; }
}

/// <summary>A reform measure (of the ledger, by id) that serves the chain.</summary>
internal sealed class ChainMeasure
{
    public int ChainId { get; set; }
    public int MeasureId { get; set; }
}

/// <summary>An indicator (of the Indicators module, by id only) that tells how the chain is doing.</summary>
internal sealed class ChainIndicator
{
    public int ChainId { get; set; }
    public int IndicatorId { get; set; }
}

/// <summary>
/// An industrial chain of a cluster under the chain-leader system: member parks, key enterprises
/// and linked measures. Its leader is a chief assignment on the chain (Chiefs module).
/// </summary>
internal sealed class Chain : IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    public List<ChainPark> Parks { get; set; } = [];
    public List<ChainEnterprise> Enterprises { get; set; } = [];
    public List<ChainMeasure> Measures { get; set; } = [];
    public List<ChainIndicator> Indicators { get; set; } = [];
    public int Version { get; set; }

    public void Describe(string? name, int? clusterId, string? description, int sortOrder)
    {
        Name = Fields.Required(name, 200, "name");
        ClusterId = Fields.Required(clusterId, "clusterId");
        Description = Fields.Optional(description, 2000, "description");
        SortOrder = sortOrder;
    }

    public void SetParks(IEnumerable<int> parkIds)
    {
        var ids = parkIds.Distinct().ToList();
        Parks.RemoveAll(p => !ids.Contains(p.ParkId));
        Parks.AddRange(ids.Where(id => Parks.All(p => p.ParkId != id)).Select(id => new ChainPark { ParkId = id }));
    }

    public void SetMeasures(IEnumerable<int> measureIds)
    {
        var ids = measureIds.Distinct().ToList();
        Measures.RemoveAll(m => !ids.Contains(m.MeasureId));
        Measures.AddRange(ids.Where(id => Measures.All(m => m.MeasureId != id)).Select(id => new ChainMeasure { MeasureId = id }));
    }

    public void SetIndicators(IEnumerable<int> indicatorIds)
    {
        var ids = indicatorIds.Distinct().ToList();
        Indicators.RemoveAll(i => !ids.Contains(i.IndicatorId));
        Indicators.AddRange(ids.Where(id => Indicators.All(i => i.IndicatorId != id)).Select(id => new ChainIndicator { IndicatorId = id }));
    }

    /// <summary>Replaces the key enterprises; an enterprise's park must be one of the chain's parks.</summary>
    public void SetEnterprises(IEnumerable<(string? Name, int? ParkId)> enterprises)
    {
        var list = enterprises.Select(e => (Name: Fields.Required(e.Name, 200, "enterprises"), e.ParkId)).ToList();
        if (list.Any(e => e.ParkId is { } p && Parks.All(cp => cp.ParkId != p)))
        {
            throw new RuleViolation("ChainEnterpriseSitsInAChainPark",
                "A key enterprise's park must be one of the chain's parks.", "enterprises");
        }

        Enterprises.Clear();
        Enterprises.AddRange(list.Select(e => new ChainEnterprise { Name = e.Name, ParkId = e.ParkId }));
    }
}
